// A long session's questions, a page at a time (core/exports/html_report.py). Each page is a
// JSON list of the questions' HTML, written and escaped as a short session's page holds it
// inline; only the page shown is read and put in the page. This is the page's only script: the
// Content-Security-Policy allows it by its hash and no other. Its words come from the page (the
// pager's data-where and data-missing, in the report's language), their {names} filled in here.
(function () {
  "use strict";
  var main = document.getElementById("items");
  var pages = document.querySelectorAll("script.items-page");
  var positions = JSON.parse(document.getElementById("item-positions").textContent);
  var size = Number(main.getAttribute("data-page-size"));
  var pager = document.getElementById("pager");
  var where = document.getElementById("pager-where");
  var previous = document.getElementById("pager-previous");
  var next = document.getElementById("pager-next");
  var asked = document.getElementById("pager-question");
  var current = -1;

  function words(name, values) {
    return where.getAttribute(name).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function show(page) {
    if (page < 0 || page >= pages.length) {
      return;
    }
    if (page !== current) {
      main.innerHTML = JSON.parse(pages[page].textContent).join("");
      current = page;
    }
    var first = positions[page * size];
    var last = positions[Math.min(positions.length, (page + 1) * size) - 1];
    where.textContent = words("data-where", {
      page: page + 1, pages: pages.length, first: first, last: last, count: positions.length
    });
    previous.disabled = page === 0;
    next.disabled = page === pages.length - 1;
  }

  function goTo(position) {
    var index = positions.indexOf(position);
    if (index < 0) {
      where.textContent = words("data-missing", {question: position});
      return false;
    }
    show(Math.floor(index / size));
    var question = document.getElementById("question-" + position);
    if (question) {
      question.scrollIntoView();
    }
    return true;
  }

  function fromAddress() {
    var asked = /^#question-(\d+)$/.exec(window.location.hash);
    return asked !== null && goTo(Number(asked[1]));
  }

  previous.addEventListener("click", function () { show(current - 1); pager.scrollIntoView(); });
  next.addEventListener("click", function () { show(current + 1); pager.scrollIntoView(); });
  pager.addEventListener("submit", function (event) {
    event.preventDefault();
    goTo(Number(asked.value));
  });
  window.addEventListener("hashchange", fromAddress);
  pager.hidden = false;
  if (!fromAddress()) {
    show(0);
  }
}());
