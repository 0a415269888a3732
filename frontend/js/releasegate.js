// ReleaseGate browser behaviour: small on purpose, no build step.
(function () {
  "use strict";

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute("content") : null;
  }

  // every htmx request carries the CSRF token, as forms do in their hidden field
  document.addEventListener("htmx:configRequest", function (event) {
    var token = meta("_csrf");
    var header = meta("_csrf_header");
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // the live part of a release page: no poll while someone types in it or has a dialog open,
  // and a poll answered after they started is dropped; a refused post shows its inline error
  function busy(element) {
    return element.matches(":focus-within") || element.querySelector("dialog[open]") !== null;
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var live = event.detail.elt;
    if (live && live.hasAttribute && live.hasAttribute("data-live") && event.detail.requestConfig
        && event.detail.requestConfig.verb === "get" && busy(live)) {
      event.preventDefault();
    }
  });
  document.addEventListener("htmx:beforeSwap", function (event) {
    var live = event.detail.target;
    if (!live || !live.hasAttribute || !live.hasAttribute("data-live")) {
      return;
    }
    if (event.detail.xhr.getResponseHeader("X-Inline-Error")) {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    } else if (event.detail.requestConfig.verb === "get" && busy(live)) {
      event.detail.shouldSwap = false;
    }
  });

  // a field shown to be copied (a new token's secret) selects itself when focused
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-select-on-focus]")) {
      event.target.select();
    }
  });

  // a refused or failed htmx request says so instead of silently doing nothing
  document.addEventListener("htmx:responseError", function (event) {
    var area = document.querySelector(".flash-area");
    if (!area) {
      return;
    }
    var status = event.detail.xhr.status;
    var text = status === 403 ? "You are not allowed to do this."
      : status === 409 ? "This changed meanwhile; reload the page and try again."
      : "Something went wrong (" + status + "). Please try again.";
    area.innerHTML = "";
    var message = document.createElement("p");
    message.className = "flash error";
    message.textContent = text;
    area.appendChild(message);
  });

  // dialogs: a button with data-opens="id" opens the modal dialog, data-closes="id" closes it;
  // a dialog rendered with data-show (a refused form inside it) opens by itself
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-opens], [data-closes]");
    var dialog = button && document.getElementById(button.getAttribute("data-opens") || button.getAttribute("data-closes"));
    if (!dialog) {
      return;
    }
    if (button.hasAttribute("data-opens")) {
      if (!dialog.open) {
        dialog.showModal();
      }
    } else {
      dialog.close();
    }
  });

  // the traffic timeline of a release: shares over time as step lines, drawn with uPlot

  // time ticks in UTC, as the rest of the page: seconds for short spans, dates for long ones
  function utcTimes(u, ticks) {
    var span = u.scales.x.max - u.scales.x.min;
    return ticks.map(function (t) {
      var iso = new Date(t * 1000).toISOString();
      return span > 2 * 86400 ? iso.substring(5, 10) + " " + iso.substring(11, 16)
        : span > 2 * 3600 ? iso.substring(11, 16) : iso.substring(11, 19);
    });
  }

  function drawTimeline(element) {
    if (typeof window.uPlot !== "function" || element.getAttribute("data-drawn")) {
      return;
    }
    var data = JSON.parse(element.getAttribute("data-timeline"));
    if (!data.t.length) {
      return;
    }
    element.setAttribute("data-drawn", "true");
    var styles = getComputedStyle(document.documentElement);
    var steps = window.uPlot.paths.stepped({ align: 1 });
    var series = function (label, colour) {
      return { label: label, stroke: colour, width: 2, paths: steps, points: { show: false },
        value: function (u, v) { return v == null ? "–" : v + "%"; } };
    };
    var options = {
      width: Math.max(element.clientWidth, 240),
      height: 200,
      tzDate: function (ts) { return window.uPlot.tzDate(new Date(ts * 1000), "Etc/UTC"); },
      scales: { y: { range: [0, 100] } },
      axes: [{ values: utcTimes, space: 70 },
        { values: function (u, ticks) { return ticks.map(function (v) { return v + "%"; }); } }],
      cursor: { drag: { x: false, y: false } },
      series: [
        { label: "UTC", value: function (u, v) { return v == null ? "–" : new Date(v * 1000).toISOString().substring(11, 19); } },
        series(element.getAttribute("data-stable-label") + " (stable)", styles.getPropertyValue("--stable").trim()),
        series(element.getAttribute("data-candidate-label") + " (candidate)", styles.getPropertyValue("--candidate").trim())
      ]
    };
    element.chart = new window.uPlot(options, [data.t, data.stable, data.candidate], element);
  }

  // a chart swapped out (every poll of the release page) lets go of the listeners uPlot keeps
  // on the window, or every poll would leave one chart behind in memory
  document.addEventListener("htmx:beforeCleanupElement", function (event) {
    if (event.target.chart) {
      event.target.chart.destroy();
      event.target.chart = null;
    }
  });

  var resizing;
  window.addEventListener("resize", function () {
    clearTimeout(resizing);
    resizing = setTimeout(function () {
      document.querySelectorAll("[data-timeline]").forEach(function (element) {
        if (element.chart) {
          element.chart.setSize({ width: Math.max(element.clientWidth, 240), height: 200 });
        }
      });
    }, 150);
  });

  // new content, at page load and after every htmx swap: draw charts, open dialogs that must show
  document.addEventListener("htmx:load", function (event) {
    var root = event.detail.elt;
    root.querySelectorAll("[data-timeline]").forEach(drawTimeline);
    root.querySelectorAll("dialog[data-show]").forEach(function (dialog) {
      if (!dialog.open) {
        dialog.showModal();
      }
    });
  });

  // buttons that ask before doing something hard to undo: data-confirm="question"
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
