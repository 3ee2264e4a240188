"""Reference implementation of the expected-utility model, used only as a test oracle.

Plain loops written straight from models.md §1, with the choices of docs/forecast.md.
It is deliberately slow (O(n³) per probability pass) and obviously correct; the product's
vectorised engine must agree with it.
"""

from __future__ import annotations

from dataclasses import dataclass

MEDIAN_TIE = 1e-12
DANGER_TIE = 1e-12


@dataclass
class OracleRound:
    positions: list[float]
    median: float
    mean: float
    risk: list[float]
    danger: list[float]
    offers: dict[tuple[int, int], tuple[str, float]]  # (receiver, sender) -> (type, position)
    choice: list[int]


class Oracle:
    def __init__(
        self,
        positions: list[float],
        capabilities: list[float],
        saliences: list[float],
        *,
        normaliser: str = "global",
        compromise: str = "scholz",
        capitulation: bool = False,
        q: float = 1.0,
        t: float = 1.0,
    ) -> None:
        self.x = list(positions)
        self.c = list(capabilities)
        self.s = list(saliences)
        self.n = len(self.x)
        self.delta = max(self.x) - min(self.x)
        self.normaliser = normaliser
        self.compromise = compromise
        self.capitulation = capitulation
        self.q = q
        self.t = t

    # -- §1.1, §1.2 ------------------------------------------------------------------
    def dist(self, a: float, b: float) -> float:
        return abs(a - b) / self.delta

    def vote(self, k: int, xj: float, xl: float, rho: float) -> float:
        """v_k(j, l; rho) = c_k s_k (d(k,l)^rho - d(k,j)^rho)."""
        xk = self.x[k]
        gain: float = self.dist(xk, xl) ** rho - self.dist(xk, xj) ** rho
        return self.c[k] * self.s[k] * gain

    def median(self) -> float:
        """King of the hill over the distinct positions in ascending order."""
        weight = sum(self.c[k] * self.s[k] for k in range(self.n))
        candidates = sorted(set(self.x))
        incumbent = candidates[0]
        for challenger in candidates[1:]:
            total = sum(self.vote(k, challenger, incumbent, 1.0) for k in range(self.n))
            if total > MEDIAN_TIE * weight:
                incumbent = challenger
        return incumbent

    def mean(self) -> float:
        num = sum(self.c[k] * self.s[k] * self.x[k] for k in range(self.n))
        return num / sum(self.c[k] * self.s[k] for k in range(self.n))

    # -- §1.3 ------------------------------------------------------------------------
    def probability(self, i: int, j: int, r: list[float], total: float) -> float:
        xi, xj = self.x[i], self.x[j]
        if xi == xj:
            return 0.0
        wins = sum(max(0.0, self.vote(k, xi, xj, r[k])) for k in range(self.n))
        if self.normaliser == "global":
            return wins / total if total > 0 else 0.0
        both = sum(abs(self.vote(k, xi, xj, r[k])) for k in range(self.n))
        return wins / both if both > 0 else 0.0

    def global_total(self, r: list[float]) -> float:
        return sum(
            abs(self.vote(k, self.x[a], self.x[b], r[k]))
            for k in range(self.n)
            for a in range(self.n)
            for b in range(self.n)
        )

    # -- §1.4, §1.5 ------------------------------------------------------------------
    def eu(self, i: int, j: int, rh: float, p: float, mu: float) -> float:
        """E^h[U_ij]: i challenges j, evaluated with h's exponent rh; p = P_ij."""
        dij = self.dist(self.x[i], self.x[j])
        dim = self.dist(self.x[i], mu)
        u_s = 2 - 4 * (0.5 - 0.5 * dij) ** rh
        u_f = 2 - 4 * (0.5 + 0.5 * dij) ** rh
        u_b = 2 - 4 * (0.5 - 0.25 * (dim + dij)) ** rh
        u_w = 2 - 4 * (0.5 + 0.25 * (dim + dij)) ** rh
        u_sq = 2 - 4 * 0.5**rh
        sj = self.s[j]
        challenge = sj * (p * u_s + (1 - p) * u_f) + (1 - sj) * u_s
        quiet = self.q * u_sq + (1 - self.q) * (self.t * u_b + (1 - self.t) * u_w)
        return float(challenge - quiet)

    # -- §1.9 ------------------------------------------------------------------------
    def step(self) -> OracleRound:
        n = self.n
        mu = self.median()
        ones = [1.0] * n
        total = self.global_total(ones)
        danger = []
        for i in range(n):
            d_i = 0.0
            for j in range(n):
                if j != i:
                    d_i += self.eu(j, i, 1.0, self.probability(j, i, ones, total), mu)
            danger.append(d_i)
        top, bottom = max(danger), min(danger)
        if top - bottom <= DANGER_TIE * max(1.0, abs(top), abs(bottom)):
            r = [1.0] * n
        else:
            r = []
            for d_i in danger:
                big_r = (2 * d_i - top - bottom) / (top - bottom)
                r.append((1 - big_r / 3) / (1 + big_r / 3))
        total = self.global_total(r)
        offers: dict[tuple[int, int], tuple[str, float]] = {}
        keys: dict[tuple[int, int], float] = {}
        for i in range(n):
            for j in range(n):
                if self.x[i] == self.x[j]:
                    continue
                big_x = self.eu(i, j, r[i], self.probability(i, j, r, total), mu)
                big_y = self.eu(j, i, r[i], self.probability(j, i, r, total), mu)
                xi, xj = self.x[i], self.x[j]
                if big_y > big_x > 0:
                    offers[i, j] = ("conflict", xj)
                    keys[i, j] = abs(xj - xi)
                elif big_y > 0 > big_x and big_y > abs(big_x):
                    new = xi + (xj - xi) * abs(big_x / big_y)
                    offers[i, j] = ("compromise", new)
                    if self.compromise == "scholz":
                        keys[i, j] = (abs(big_x) * xi + abs(big_y) * xj) / (abs(big_x) + abs(big_y))
                    else:
                        keys[i, j] = abs(new - xi)
                elif big_y > 0 > big_x and big_y < abs(big_x) and self.capitulation:
                    offers[i, j] = ("capitulation", xj)
                    keys[i, j] = abs(xj - xi)
        choice = []
        new_x = list(self.x)
        for i in range(n):
            best = -1
            for kind in ("conflict", "compromise", "capitulation"):
                for j in range(n):
                    is_kind = (i, j) in offers and offers[i, j][0] == kind
                    if is_kind and (best < 0 or keys[i, j] < keys[i, best]):
                        best = j
                if best >= 0:
                    break
            choice.append(best)
            if best >= 0:
                new_x[i] = offers[i, best][1]
        self.x = new_x
        return OracleRound(list(self.x), self.median(), self.mean(), r, danger, offers, choice)

    def run(self, rounds: int) -> list[OracleRound]:
        first = OracleRound(list(self.x), self.median(), self.mean(), [], [], {}, [])
        return [first] + [self.step() for _ in range(rounds)]
