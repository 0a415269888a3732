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

  // buttons that ask before doing something hard to undo: data-confirm="question"
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });
})();
