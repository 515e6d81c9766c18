// While the payslip is being read: ask politely every 4 seconds (at most 5 minutes) whether it is
// done, then show the link to the figures. Without JavaScript the page has a plain link.
(function () {
  var printen = document.querySelector("[data-printen]");
  if (printen) {
    printen.hidden = false;
    printen.addEventListener("click", function () { window.print(); });
  }
  var blok = document.querySelector("[data-lees-status]");
  if (!blok) { return; }
  var url = blok.getAttribute("data-lees-status");
  var pogingen = 0;
  function vraag() {
    pogingen += 1;
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (d) {
        if (d && d.klaar) {
          var klaar = document.querySelector("[data-lees-klaar]");
          var wacht = document.querySelector("[data-lees-wacht]");
          if (wacht) { wacht.hidden = true; }
          if (klaar) { klaar.hidden = false; }
          return;
        }
        if (pogingen < 75) { window.setTimeout(vraag, 4000); }
      })
      .catch(function () { if (pogingen < 75) { window.setTimeout(vraag, 8000); } });
  }
  window.setTimeout(vraag, 2000);
})();
