// The dashboard's charts: Chart.js from its WebJar (a classic script, window.Chart) over /admin/api/stats.
import { formats } from './format.js';

const PALETTE = ['#0f766e', '#2563eb', '#d97706', '#7c3aed', '#db2777', '#059669', '#dc2626', '#4b5563'];

function options(format, stacked) {
  return {
    locale: format.lang,
    responsive: true,
    maintainAspectRatio: false,
    interaction: { mode: 'index', intersect: false },
    plugins: {
      legend: { position: 'bottom', labels: { boxWidth: 12 } },
      tooltip: { callbacks: { label: (item) => item.dataset.label + ': ' + format.count(item.parsed.y) } }
    },
    scales: {
      x: { stacked, grid: { display: false }, ticks: { maxRotation: 0, autoSkipPadding: 12 } },
      y: { stacked, beginAtZero: true, ticks: { precision: 0, callback: (value) => format.count(value) } }
    }
  };
}

function draw(Chart, labels, format, stats) {
  const days = stats.daily.map((d) => format.shortDate(d.date));
  const pick = (key) => stats.daily.map((d) => d[key]);

  new Chart(document.getElementById('activity-chart'), {
    data: {
      labels: days,
      datasets: [
        { type: 'bar', label: labels.labelMessages, data: pick('messages'), backgroundColor: PALETTE[0], borderRadius: 3, order: 2 },
        { type: 'line', label: labels.labelActive, data: pick('activeUsers'), borderColor: PALETTE[1], backgroundColor: PALETTE[1], tension: 0.3, pointRadius: 2, order: 1 },
        { type: 'line', label: labels.labelNew, data: pick('newUsers'), borderColor: PALETTE[2], backgroundColor: PALETTE[2], borderDash: [5, 4], tension: 0.3, pointRadius: 2, order: 0 }
      ]
    },
    options: options(format, false)
  });

  new Chart(document.getElementById('tokens-chart'), {
    type: 'bar',
    data: {
      labels: days,
      datasets: [
        { label: labels.labelInput, data: pick('inputTokens'), backgroundColor: PALETTE[1] },
        { label: labels.labelOutput, data: pick('outputTokens'), backgroundColor: PALETTE[3] }
      ]
    },
    options: options(format, true)
  });

  const models = [...new Set(stats.daily.flatMap((d) => Object.keys(d.models)))].sort();
  new Chart(document.getElementById('models-chart'), {
    type: 'bar',
    data: {
      labels: days,
      datasets: models.map((m, i) => ({
        label: m, data: stats.daily.map((d) => d.models[m] || 0), backgroundColor: PALETTE[i % PALETTE.length]
      }))
    },
    options: options(format, true)
  });
}

export async function drawCharts() {
  const charts = document.getElementById('charts');
  const Chart = window.Chart;
  if (!charts || typeof Chart === 'undefined') {
    return;
  }
  const labels = charts.dataset;
  const format = formats(labels);
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen === 'dark'
    || (chosen !== 'light' && window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches);
  Chart.defaults.color = dark ? '#b4b4b4' : '#5d5d5d';
  Chart.defaults.borderColor = dark ? '#3a3a3a' : '#e5e5e5';
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;

  const query = '?from=' + encodeURIComponent(labels.from) + '&to=' + encodeURIComponent(labels.to);
  try {
    const response = await fetch('/admin/api/stats' + query, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (!response.ok) {
      throw new Error('stats ' + response.status);
    }
    draw(Chart, labels, format, await response.json());
  } catch (error) {
    charts.hidden = true; // the table below still shows every number
    console.error(error);
  }
}
