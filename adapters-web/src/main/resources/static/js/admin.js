// The admin pages' script, one entry module for every admin page (the Content-Security-Policy allows no
// inline script). Each part does nothing on a page without its elements; the parts live in ./admin/:
//   print.js (the print page's button)   charts.js (the dashboard's charts, with format.js)
//   models.js (a PDF model's live progress)   connections.js (the usual address of each kind of connection)

import { drawCharts } from './admin/charts.js';
import { wireConnectionKinds } from './admin/connections.js';
import { followModelProgress } from './admin/models.js';
import { wirePrint } from './admin/print.js';

wirePrint();
followModelProgress();
drawCharts();
wireConnectionKinds();
