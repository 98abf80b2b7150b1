// Suhbat admin panel: the dashboard's charts (Chart.js from its WebJar) and the print button.
// Kept out of the pages because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  var printButton = document.querySelector('[data-print]');
  if (printButton) {
    printButton.addEventListener('click', function () { window.print(); });
  }

  var charts = document.getElementById('charts');
  if (!charts || typeof window.Chart === 'undefined') {
    return;
  }
  var labels = charts.dataset;
  var palette = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#db2777', '#059669', '#dc2626', '#4b5563'];
  var dark = window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches;
  Chart.defaults.color = dark ? '#b4b4b4' : '#5d5d5d';
  Chart.defaults.borderColor = dark ? '#3a3a3a' : '#e5e5e5';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

  // days and numbers as the page's language writes them ("5-mar", "5 мар.", "Mar 5"; "12 345", "12,345");
  // the year is in the range picker. The server writes the days (a browser may lack a language's month
  // names: Chromium shows "M11" for Uzbek); a day it did not write is formatted here, in UTC.
  var lang = labels.lang || document.documentElement.lang || 'uz';
  var dayLabels = {};
  try { dayLabels = JSON.parse(labels.dayLabels || '{}'); } catch (e) { dayLabels = {}; }
  var dayFormat = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short', timeZone: 'UTC' });
  function shortDate(iso) {
    return dayLabels[iso] || dayFormat.format(new Date(iso + 'T00:00:00Z'));
  }

  // counts: the browser's own format when it knows the language, else grouped by the server's separator
  var known = Intl.NumberFormat.supportedLocalesOf([lang]).length > 0;
  var numberFormat = new Intl.NumberFormat(known ? lang : 'en');
  var group = labels.groupSeparator || ',';
  function count(value) {
    var text = numberFormat.format(value);
    return known ? text : text.replace(/,/g, group);
  }

  function options(stacked) {
    return {
      locale: lang,
      responsive: true,
      maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { boxWidth: 12 } },
        tooltip: { callbacks: { label: function (item) { return item.dataset.label + ': ' + count(item.parsed.y); } } }
      },
      scales: {
        x: { stacked: stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
        y: { stacked: stacked, beginAtZero: true, ticks: { precision: 0, callback: function (value) { return count(value); } } }
      }
    };
  }

  var query = '?from=' + encodeURIComponent(labels.from) + '&to=' + encodeURIComponent(labels.to);
  fetch('/admin/api/stats' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(function (response) {
      if (!response.ok) { throw new Error('stats ' + response.status); }
      return response.json();
    })
    .then(function (stats) {
      var days = stats.daily.map(function (d) { return shortDate(d.date); });
      var pick = function (key) { return stats.daily.map(function (d) { return d[key]; }); };

      new Chart(document.getElementById('activity-chart'), {
        data: {
          labels: days,
          datasets: [
            { type: 'bar', label: labels.labelMessages, data: pick('messages'), backgroundColor: palette[0], borderRadius: 3, order: 2 },
            { type: 'line', label: labels.labelActive, data: pick('activeUsers'), borderColor: palette[1], backgroundColor: palette[1], tension: .3, pointRadius: 2, order: 1 },
            { type: 'line', label: labels.labelNew, data: pick('newUsers'), borderColor: palette[2], backgroundColor: palette[2], borderDash: [5, 4], tension: .3, pointRadius: 2, order: 0 }
          ]
        },
        options: options(false)
      });

      new Chart(document.getElementById('tokens-chart'), {
        type: 'bar',
        data: {
          labels: days,
          datasets: [
            { label: labels.labelInput, data: pick('inputTokens'), backgroundColor: palette[1] },
            { label: labels.labelOutput, data: pick('outputTokens'), backgroundColor: palette[3] }
          ]
        },
        options: options(true)
      });

      var models = [];
      stats.daily.forEach(function (d) {
        Object.keys(d.models).forEach(function (m) { if (models.indexOf(m) < 0) { models.push(m); } });
      });
      models.sort();
      new Chart(document.getElementById('models-chart'), {
        type: 'bar',
        data: {
          labels: days,
          datasets: models.map(function (m, i) {
            return { label: m, data: stats.daily.map(function (d) { return d.models[m] || 0; }), backgroundColor: palette[i % palette.length] };
          })
        },
        options: options(true)
      });
    })
    .catch(function (error) {
      charts.hidden = true; // the table below still shows every number
      console.error(error);
    });
})();
