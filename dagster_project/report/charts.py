"""Inline SVG charts drawn in Python: no script, no network, so the page opens offline."""

from __future__ import annotations

import colorsys
import math
from dataclasses import dataclass
from html import escape

PALETTE = [
    "#1b6ca8",
    "#d1495b",
    "#2e933c",
    "#edae49",
    "#6a4c93",
    "#00798c",
    "#8d6a9f",
    "#c05746",
    "#3d405b",
    "#81b29a",
    "#e07a5f",
    "#5f0f40",
    "#0f4c5c",
    "#9a031e",
    "#b5651d",
    "#17becf",
    "#bcbd22",
    "#e377c2",
    "#7f7f7f",
    "#ff7f0e",
]
WIDTH, HEIGHT = 820, 320
LEFT, RIGHT, TOP, BOTTOM = 64, 300, 24, 48


@dataclass(frozen=True)
class Point:
    """One value of a series; low/high are the bounds when a part was suppressed."""

    x: str
    y: float | None
    low: float | None = None
    high: float | None = None
    partial: bool = False


@dataclass(frozen=True)
class Series:
    label: str
    points: list[Point]
    synthetic: bool
    colour: str
    dash: str = ""


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    rank: int | None
    synthetic: bool
    colour: str


def force_colours(names: list[str]) -> dict[str, str]:
    """One colour per force for the whole report, in the order of their names: the palette
    first, then hues spread by the golden angle so no two forces share one."""
    colours = {}
    for index, name in enumerate(sorted(set(names))):
        if index < len(PALETTE):
            colours[name] = PALETTE[index]
        else:
            hue = (index * 137.508) % 360
            colours[name] = _hsl_hex(hue, 0.55, 0.42)
    return colours


def _hsl_hex(hue: float, saturation: float, lightness: float) -> str:
    r, g, b = colorsys.hls_to_rgb(hue / 360, lightness, saturation)
    return f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"


def _nice_max(value: float) -> float:
    """The axis top: four gridline steps of a round size, whole numbers from a value of 1 up,
    so counts get whole-number gridlines."""
    if value <= 0:
        return 4.0
    power = 10 ** math.floor(math.log10(value / 4))
    for size in (
        step * scale for scale in (power, power * 10) for step in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8)
    ):
        if size * 4 >= value and (value < 1 or float(size).is_integer()):
            return float(size * 4)
    return 40.0 * power


def _fmt(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:,.2f}".rstrip("0").rstrip(".")


def trend_chart(title: str, x_labels: list[str], series: list[Series], y_label: str) -> str:
    """A line per force across the x labels (years); gaps stay gaps, bounds are whiskers,
    partial years are hollow points outside the line."""
    values = [v for s in series for p in s.points for v in (p.y, p.high, p.low) if v is not None]
    top = _nice_max(max(values, default=0.0))
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    step = plot_w / max(len(x_labels) - 1, 1)

    def x_of(label: str) -> float:
        return LEFT + x_labels.index(label) * step if len(x_labels) > 1 else LEFT + plot_w / 2

    def y_of(value: float) -> float:
        return TOP + plot_h - value / top * plot_h

    parts = [_frame(title, y_label, top, plot_w, plot_h)]
    # Tick labels thinned to what fits, so months and date ranges do not print over each other.
    widest = max((len(label) for label in x_labels), default=1) * 6.5 + 8
    every = max(1, math.ceil(len(x_labels) * widest / plot_w))
    for label in x_labels[::every]:
        parts.append(
            f'<text x="{x_of(label):.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" '
            f'class="tick">{escape(label)}</text>'
        )
    for index, one in enumerate(series):
        colour = one.colour
        pattern = one.dash or ("5 3" if one.synthetic else "")
        dash = f' stroke-dasharray="{pattern}"' if pattern else ""
        for run in _runs(one.points, x_labels):
            coords = " ".join(f"{x_of(p.x):.1f},{y_of(p.y):.1f}" for p in run)
            parts.append(
                f'<polyline points="{coords}" fill="none" stroke="{colour}" '
                f'stroke-width="2"{dash}/>'
            )
        for p in one.points:
            parts.extend(_marker(p, x_of(p.x), y_of, colour, one.label))
        legend_y = TOP + 14 + index * 16
        name = one.label + (" (synthetic)" if one.synthetic else "")
        parts.append(
            f'<line x1="{WIDTH - RIGHT + 12}" x2="{WIDTH - RIGHT + 30}" y1="{legend_y - 4}" '
            f'y2="{legend_y - 4}" stroke="{colour}" stroke-width="3"{dash}/>'
            f'<text x="{WIDTH - RIGHT + 34}" y="{legend_y}" class="legend">{escape(name)}</text>'
        )
    return _svg("trend", title, parts)


def ranking_chart(title: str, bars: list[Bar], x_label: str) -> str:
    """Horizontal bars, highest first, each labelled with its value and rank."""
    height = TOP + BOTTOM + 22 * max(len(bars), 1)
    top = _nice_max(max((b.value for b in bars), default=0.0))
    plot_w = WIDTH - 220 - 90
    parts = [
        f'<text x="{WIDTH / 2}" y="16" text-anchor="middle" class="title">{escape(title)}</text>',
        f'<text x="{220 + plot_w / 2}" y="{height - 8}" text-anchor="middle" class="axis">'
        f"{escape(x_label)}</text>",
    ]
    for index, bar in enumerate(sorted(bars, key=lambda b: -b.value)):
        y = TOP + 6 + index * 22
        width = bar.value / top * plot_w
        fill = "url(#synthetic-hatch)" if bar.synthetic else bar.colour
        name = bar.label + (" (synthetic)" if bar.synthetic else "")
        rank = f"#{bar.rank} " if bar.rank is not None else ""
        parts.append(
            f'<text x="212" y="{y + 13}" text-anchor="end" class="legend">{escape(name)}</text>'
            f'<rect x="220" y="{y}" width="{width:.1f}" height="16" fill="{fill}" '
            f'stroke="{bar.colour}" class="bar"><title>{escape(name)}: {_fmt(bar.value)}</title>'
            f'</rect><text x="{220 + width + 6:.1f}" y="{y + 13}" class="tick">'
            f"{rank}{_fmt(bar.value)}</text>"
        )
    return _svg("ranking", title, parts, height)


def _runs(points: list[Point], x_labels: list[str]) -> list[list[Point]]:
    """Consecutive known points: a missing year breaks the line instead of bridging it."""
    runs: list[list[Point]] = [[]]
    by_x = {p.x: p for p in points}
    for label in x_labels:
        point = by_x.get(label)
        if point is None or point.y is None or point.partial:
            runs.append([])
        else:
            runs[-1].append(point)
    return [run for run in runs if len(run) > 1]


def _marker(point: Point, x: float, y_of, colour: str, label: str) -> list[str]:
    out = []
    if point.low is not None and point.high is not None and point.low != point.high:
        out.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y_of(point.low):.1f}" '
            f'y2="{y_of(point.high):.1f}" stroke="{colour}" stroke-width="6" opacity="0.35" '
            f'class="bounds"><title>{escape(label)} {escape(point.x)}: between '
            f"{_fmt(point.low)} and {_fmt(point.high)}</title></line>"
        )
    if point.y is not None and point.partial:
        out.append(
            f'<circle cx="{x:.1f}" cy="{y_of(point.y):.1f}" r="4" fill="white" stroke="{colour}" '
            f'stroke-width="2" class="point partial"><title>{escape(label)} {escape(point.x)}: '
            f"{_fmt(point.y)} (partial year, not compared)</title></circle>"
        )
    elif point.y is not None:
        out.append(
            f'<circle cx="{x:.1f}" cy="{y_of(point.y):.1f}" r="3.5" fill="{colour}" class="point">'
            f"<title>{escape(label)} {escape(point.x)}: {_fmt(point.y)}</title></circle>"
        )
    return out


def _frame(title: str, y_label: str, top: float, plot_w: float, plot_h: float) -> str:
    lines = [
        f'<text x="{WIDTH / 2}" y="16" text-anchor="middle" class="title">{escape(title)}</text>',
        f'<text x="14" y="{TOP + plot_h / 2}" transform="rotate(-90 14 {TOP + plot_h / 2})" '
        f'text-anchor="middle" class="axis">{escape(y_label)}</text>',
    ]
    for i in range(5):
        value = top * i / 4
        y = TOP + plot_h - plot_h * i / 4
        lines.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>'
            f'<text x="{LEFT - 6}" y="{y + 4:.1f}" text-anchor="end" class="tick">'
            f"{_fmt(value)}</text>"
        )
    return "".join(lines)


def _svg(kind: str, title: str, parts: list[str], height: int = HEIGHT) -> str:
    return (
        f'<svg class="chart chart-{kind}" role="img" aria-label="{escape(title)}" '
        f'viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'xmlns="http://www.w3.org/2000/svg">' + "".join(parts) + "</svg>"
    )
