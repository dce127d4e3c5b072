// Draws the dashboard's charts. Each <div class="chart" data-figure="ID"> names a
// <script type="application/json" id="ID"> block holding a Plotly figure ({data, layout})
// built by the server (tightrope/web/figures.py); this file only hands it to the vendored
// plotly.js. No inline script, no eval: it runs under the app's Content-Security-Policy.
"use strict";

function drawCharts() {
  document.querySelectorAll(".chart[data-figure]").forEach(function (el) {
    var source = document.getElementById(el.dataset.figure);
    if (!source) { return; }
    var figure = JSON.parse(source.textContent);
    if (!figure.data || figure.data.length === 0) {
      el.classList.add("empty");
      el.textContent = figure.empty || "No events to chart for this selection.";
      return;
    }
    var layout = Object.assign({ margin: { t: 40, r: 20, b: 50, l: 60 }, font: { family: "system-ui, sans-serif" } },
                               figure.layout || {});
    window.Plotly.newPlot(el, figure.data, layout, { displaylogo: false, responsive: true }).then(function () {
      el.dataset.rendered = "true";
    });
  });
}

document.addEventListener("DOMContentLoaded", drawCharts);
