// Draw every chart on the page from the figure JSON in its data-figure attribute.
// The figure is data, never code: the server (or the briefing) wrote it with
// attribute escaping, and this file is the only script that reads it. The mode
// bar is off: its look needs inline styles, which the Content-Security-Policy forbids.
"use strict";
(function () {
  function draw() {
    document.querySelectorAll("[data-figure]").forEach(function (el) {
      var figure = JSON.parse(el.getAttribute("data-figure"));
      window.Plotly.newPlot(el, figure.data, figure.layout, {
        displayModeBar: false,
        responsive: true,
      });
    });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", draw);
  } else {
    draw();
  }
})();
