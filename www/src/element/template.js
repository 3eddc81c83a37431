// The element's skeleton: static markup only (no report text ever goes through innerHTML).
// Labels are filled from the i18n tables: data-t (text), data-t-label (aria-label),
// data-t-placeholder. Every panel is a <section data-panel=NAME part="panel NAME">.

/** Panel names, in page order; the `panels` attribute picks among them. */
export const PANELS = [
  'intake',
  'compare',
  'overview',
  'outline',
  'articles',
  'warnings',
  'achievements',
  'vocabulary',
  'formulations',
  'themes',
  'entities',
  'concordance',
  'text',
  'exports',
];

/** A chart with its title, an accessible description and a data table behind a toggle. */
const chart = (name, extra = '') => `
  <figure class="chart-box ${extra}" data-chart="${name}" part="chart">
    <figcaption id="${name}-title" class="chart-title" data-t="chart.${name}"></figcaption>
    <div class="chart" id="chart-${name}" role="img" aria-labelledby="${name}-title" aria-describedby="${name}-desc"></div>
    <p class="sr-only" id="${name}-desc" lang="zh-CN"></p>
    <div class="chart-tools">
      <button type="button" part="button" data-export="svg" data-chart-name="${name}" id="${name}-svg" aria-labelledby="${name}-svg ${name}-title" data-t="exports.chartSvg"></button>
      <button type="button" part="button" data-export="png" data-chart-name="${name}" id="${name}-png" aria-labelledby="${name}-png ${name}-title" data-t="exports.chartPng"></button>
    </div>
    <details class="chart-data" data-chart-data="${name}">
      <summary part="button" data-t="chart.data"></summary>
      <div class="table-wrap" tabindex="0" role="region" aria-labelledby="${name}-title"></div>
    </details>
  </figure>`;

/** A sortable column header: the button takes focus and acts on Enter; aria-sort on the th. */
const sortable = (key, label, cls = '') => `<th scope="col" aria-sort="none" class="${cls}"><button type="button" class="sort" data-sort="${key}" data-t="${label}"></button></th>`;

export const TEMPLATE = `
<div class="root" part="root">
  <section data-panel="intake" class="intake" part="panel intake" aria-labelledby="intake-label">
    <h2 id="intake-label" class="sr-only" data-t="intake.label"></h2>
    <button type="button" id="dropzone" class="dropzone" part="dropzone" aria-describedby="formats">
      <span class="drop-main" data-t="intake.drop"></span>
      <span class="drop-formats" id="formats" data-t="intake.formats"></span>
    </button>
    <input id="file-input" type="file" multiple accept=".txt,.md,.text,.markdown,.html,.htm,.docx,text/plain,text/markdown,text/html" hidden tabindex="-1">
    <details class="paste">
      <summary part="button" data-t="intake.paste"></summary>
      <label class="sr-only" for="paste-text" data-t="intake.pasteLabel"></label>
      <textarea id="paste-text" rows="6" data-t-placeholder="intake.pastePlaceholder"></textarea>
      <button type="button" id="paste-button" part="button" data-t="intake.pasteButton"></button>
    </details>
    <div id="status" class="status" part="status" role="status" aria-live="polite">
      <span id="status-text"></span> <span id="status-elapsed" class="muted" aria-hidden="true"></span>
      <progress id="load-progress" max="1" value="0" data-t-label="status.progress" hidden></progress>
    </div>
    <div id="error" class="error" part="error" role="alert" hidden></div>
  </section>

  <nav id="reports" class="reports" part="tabs" hidden data-t-label="reports.label"></nav>

  <div id="results" class="results" hidden>
    <section class="panel" data-panel="compare" part="panel compare" aria-labelledby="compare-h" hidden>
      <h2 id="compare-h"><span data-t="compare.title"></span> <small data-t="compare.hint"></small></h2>
      <p id="compare-status" class="muted" role="status"></p>
      <h3 id="compare-reports-h" data-t="compare.reports"></h3>
      <ol id="compare-reports" class="compare-reports plain" aria-labelledby="compare-reports-h"></ol>
      <div class="table-tools" role="group" data-t-label="compare.exports">
        <button type="button" part="button" data-export="compare-csv" data-t="compare.csv"></button>
        <button type="button" part="button" data-export="timeline-csv" data-t="compare.timelineCsv" hidden></button>
        <button type="button" part="button" data-export="compare-summary-svg" data-t="compare.summarySvg"></button>
        <button type="button" part="button" data-export="compare-summary-png" data-t="compare.summaryPng"></button>
      </div>
      <div class="table-wrap" part="table-wrap" tabindex="0" role="region" aria-labelledby="compare-h">
        <table id="compare-table" part="table" aria-labelledby="compare-h"><thead></thead><tbody></tbody></table>
      </div>
      ${chart('compare', 'tall')}
      <h3 id="keyness-h"><span data-t="compare.keyness"></span> <small data-t="compare.keynessHint"></small></h3>
      <div id="keyness" class="keyness-grid"></div>
      <h3 id="shared-h" data-t="compare.shared"></h3>
      <div class="table-wrap" part="table-wrap" tabindex="0" role="region" aria-labelledby="shared-h">
        <table id="shared-table" part="table" aria-labelledby="shared-h"><thead></thead><tbody></tbody></table>
      </div>
      <div id="series" hidden>
        <h3 id="series-h"><span data-t="series.title"></span> <small id="series-committee" lang="zh-CN"></small></h3>
        <div class="grid2">
          ${chart('timeline-formulations')}
          ${chart('timeline-themes')}
        </div>
        ${chart('timeline-categories')}
        <h4 id="changes-h" data-t="series.changes"></h4>
        <div class="table-wrap" part="table-wrap" tabindex="0" role="region" aria-labelledby="changes-h">
          <table id="changes-table" part="table" aria-labelledby="changes-h">
            <thead><tr><th scope="col" data-t="series.category"></th><th scope="col" data-t="series.subject"></th><th scope="col" data-t="series.unit"></th>
            <th scope="col" data-t="series.years"></th><th scope="col" data-t="series.values"></th><th scope="col" data-t="series.trend"></th><th scope="col" data-t="series.sentences"></th></tr></thead>
            <tbody></tbody>
          </table>
        </div>
      </div>
    </section>

    <section class="panel" data-panel="overview" part="panel overview" aria-labelledby="report-title">
      <h2 id="report-title" lang="zh-CN"></h2>
      <p id="report-subtitle" class="subtitle" lang="zh-CN"></p>
      <dl id="report-meta" class="meta"></dl>
      <p id="report-source" class="muted"></p>
      <h3 class="sr-only" data-t="overview.figures"></h3>
      <div id="figures" class="figures"></div>
    </section>

    <section class="panel" data-panel="outline" part="panel outline" aria-labelledby="outline-h">
      <h2 id="outline-h" data-t="outline.title"></h2>
      <nav id="outline" class="outline" aria-labelledby="outline-h"></nav>
    </section>

    <section class="panel" data-panel="articles" part="panel articles" aria-labelledby="articles-h">
      <h2 id="articles-h"><span data-t="articles.title"></span> <small id="article-count"></small></h2>
      <ol id="articles" class="articles plain"></ol>
    </section>

    <section class="panel" data-panel="warnings" part="panel warnings" aria-labelledby="warnings-h">
      <h2 id="warnings-h"><span data-t="warnings.title"></span> <small id="warning-count"></small></h2>
      <ul id="warnings" class="warnings plain"></ul>
    </section>

    <section class="panel" data-panel="achievements" part="panel achievements" aria-labelledby="achievements-h">
      <h2 id="achievements-h"><span data-t="achievements.title"></span> <small id="quantity-count"></small></h2>
      <div id="metric-cards" class="cards"></div>
      ${chart('categories')}
      <div class="table-tools">
        <input id="quantity-filter" type="search" data-t-label="achievements.filterLabel" data-t-placeholder="achievements.filter">
        <label class="select"><span data-t="achievements.category"></span>
          <select id="quantity-category"></select>
        </label>
        <button type="button" data-export="csv" part="button" data-t="achievements.csv"></button>
      </div>
      <div class="table-wrap" part="table-wrap">
        <table id="quantity-table" part="table" aria-labelledby="achievements-h">
          <thead><tr>
            ${sortable('text', 'col.text')}${sortable('value', 'col.value')}${sortable('unit', 'col.unit')}
            ${sortable('subject', 'col.subject')}${sortable('category', 'col.category')}${sortable('section', 'col.section')}
          </tr></thead>
          <tbody></tbody>
        </table>
      </div>
    </section>

    <section class="panel" data-panel="vocabulary" part="panel vocabulary" aria-labelledby="vocabulary-h">
      <h2 id="vocabulary-h" data-t="vocabulary.title"></h2>
      <div class="grid2">
        ${chart('terms', 'tall')}
        ${chart('cloud', 'tall')}
      </div>
      <div class="grid2">
        <div><h3 id="tfidf-h" data-t="vocabulary.tfidf"></h3><ol id="kw-tfidf" class="keywords" aria-labelledby="tfidf-h"></ol></div>
        <div><h3 id="textrank-h" data-t="vocabulary.textrank"></h3><ol id="kw-textrank" class="keywords" aria-labelledby="textrank-h"></ol></div>
      </div>
    </section>

    <section class="panel" data-panel="formulations" part="panel formulations" aria-labelledby="formulations-h">
      <h2 id="formulations-h"><span data-t="formulations.title"></span> <small id="formulation-share"></small></h2>
      <div class="grid2">
        <div class="table-wrap" part="table-wrap">
          <table id="formulation-table" part="table" aria-labelledby="formulations-h">
            <thead><tr><th scope="col" data-t="formulations.name"></th><th scope="col" data-t="formulations.family"></th><th scope="col" data-t="formulations.count"></th><th scope="col" data-t="formulations.per10k"></th></tr></thead>
            <tbody></tbody>
          </table>
        </div>
        ${chart('formulations')}
      </div>
    </section>

    <section class="panel" data-panel="themes" part="panel themes" aria-labelledby="themes-h">
      <h2 id="themes-h" data-t="themes.title"></h2>
      ${chart('themes')}
    </section>

    <section class="panel" data-panel="entities" part="panel entities" aria-labelledby="entities-h">
      <h2 id="entities-h" data-t="entities.title"></h2>
      <div class="entity-grid">
        <div><h3 id="people-h" data-t="entities.people"></h3><ol id="ent-people" class="entities" aria-labelledby="people-h"></ol></div>
        <div><h3 id="places-h" data-t="entities.places"></h3><ol id="ent-places" class="entities" aria-labelledby="places-h"></ol></div>
        <div><h3 id="orgs-h" data-t="entities.organizations"></h3><ol id="ent-organizations" class="entities" aria-labelledby="orgs-h"></ol></div>
        <div><h3 id="docs-h" data-t="entities.documents"></h3><ol id="ent-documents" class="entities" aria-labelledby="docs-h"></ol></div>
        <div><h3 id="meetings-h" data-t="entities.meetings"></h3><ol id="ent-meetings" class="entities" aria-labelledby="meetings-h"></ol></div>
      </div>
    </section>

    <section class="panel" data-panel="concordance" part="panel concordance" aria-labelledby="concordance-h">
      <h2 id="concordance-h"><span data-t="concordance.title"></span> <small data-t="concordance.hint"></small></h2>
      <form id="kwic-form" class="table-tools" role="search">
        <input id="kwic-term" type="search" data-t-label="concordance.term" data-t-placeholder="concordance.placeholder">
        <button type="submit" part="button" data-t="concordance.search"></button>
      </form>
      <p id="kwic-summary" class="muted" aria-live="polite"></p>
      <div class="grid2">
        <div class="table-wrap" part="table-wrap">
          <table id="kwic-table" part="table" aria-labelledby="concordance-h">
            <thead><tr>${sortable('left', 'concordance.left', 'right')}<th scope="col" data-t="concordance.hit"></th>${sortable('right', 'concordance.right')}</tr></thead>
            <tbody></tbody>
          </table>
        </div>
        <div><h3 id="collocates-h" data-t="concordance.collocates"></h3><ol id="collocates" class="keywords" aria-labelledby="collocates-h"></ol></div>
      </div>
    </section>

    <section class="panel" data-panel="text" part="panel text" aria-labelledby="text-h">
      <h2 id="text-h"><span data-t="text.title"></span> <small data-t="text.hint"></small></h2>
      <div class="table-tools">
        <label class="select"><span data-t="text.layer"></span>
          <select id="highlight-layer">
            <option value="quantities" data-t="layer.quantities"></option>
            <option value="formulations" data-t="layer.formulations"></option>
            <option value="entities" data-t="layer.entities"></option>
            <option value="search" data-t="layer.search"></option>
            <option value="repairs" data-t="layer.repairs"></option>
          </select>
        </label>
      </div>
 <div id="text-pager" class="text-pager table-tools" role="group" data-t-label="text.pager" hidden></div>
      <div id="text-view" class="text-view" part="text" tabindex="0" role="region" data-t-label="text.view" lang="zh-CN"></div>
    </section>

    <section class="panel exports" data-panel="exports" part="panel exports" aria-labelledby="exports-h">
      <h2 id="exports-h" class="sr-only" data-t="exports.title"></h2>
      <button type="button" data-export="json" part="button" data-t="exports.json"></button>
      <button type="button" data-export="csv" part="button" data-t="exports.csv"></button>
      <button type="button" data-export="summary-svg" part="button" data-t="exports.summarySvg"></button>
      <button type="button" data-export="summary-png" part="button" data-t="exports.summaryPng"></button>
    </section>
  </div>
</div>`;
