// Board cells: load the clicked cell's evidence panel without reloading the page.
// The panel is server-rendered (escaped) HTML; without this script the link reloads
// the board with the same panel, so the page works with scripts off too.
"use strict";
document.addEventListener("click", function (event) {
  var link = event.target.closest("a.cell-link");
  if (!link) {
    return;
  }
  event.preventDefault();
  fetch(link.getAttribute("data-fragment"), { headers: { Accept: "text/html" } })
    .then(function (response) {
      if (!response.ok) {
        throw new Error("HTTP " + response.status);
      }
      return response.text();
    })
    .then(function (html) {
      var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("evidence");
      document.getElementById("evidence").replaceWith(fresh);
      document.querySelectorAll("td.cell.selected").forEach(function (cell) {
        cell.classList.remove("selected");
      });
      link.closest("td").classList.add("selected");
      history.replaceState(null, "", link.href);
    })
    .catch(function () {
      window.location.href = link.href;
    });
});
