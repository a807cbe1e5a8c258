// The public partner finder: one page, two views, read only from the public JSON (/api/public/partners).
// Its addresses are stable: /partners/?q=…&type=…&level=…&region=…&page=2&lang=en for a search, /partners/{id} for a
// partner; the service hands out this page for both, so a link or a reload lands on the same view. Every text of a
// partner is set with textContent, never parsed as HTML.
'use strict';

(() => {
  const API = '/api/public/partners';
  const PAGE_SIZE = 20;
  const TYPES = ['ENTERPRISE', 'COMMUNITY', 'EDUCATION', 'BRAND'];
  const LEVELS = ['TRIAL', 'LEVEL_3', 'LEVEL_2', 'LEVEL_1'];

  const TEXT = {
    zh: {
      title: '蓝鲸合作伙伴查询',
      intro: '查找腾讯蓝鲸智云的合作伙伴：按公司名称搜索，按类型、等级和地区筛选。这里只列出合作关系有效的合作伙伴。',
      name: '公司名称', type: '类型', level: '等级', region: '地区', search: '搜索',
      anyType: '全部类型', anyLevel: '全部等级', anyRegion: '全部地区',
      found: (n) => `共 ${n} 家合作伙伴`, none: '没有符合条件的合作伙伴。',
      previous: '上一页', next: '下一页', pageOf: (p, t) => `第 ${p} / ${t} 页`,
      since: '合作伙伴自', code: '统一社会信用代码', back: '返回查询',
      offers: '可为客户提供', courses: '已审核的课程', noCourses: '暂无已审核的课程。',
      notFound: '没有找到这家合作伙伴：它不是合作关系有效的合作伙伴，或合作关系已结束。',
      tooMany: (s) => `请求过于频繁，请 ${s} 秒后重试。`, invalid: (f) => `查询条件无效：${f}`,
      failed: '加载失败，请稍后重试。', loading: '加载中…',
      footer: '腾讯蓝鲸智云合作伙伴计划 · 仅显示合作关系有效的合作伙伴',
      other: 'English', locale: 'zh-CN',
      types: { ENTERPRISE: '企业版技术合作伙伴', COMMUNITY: '社区版技术合作伙伴', EDUCATION: '教育合作伙伴', BRAND: '品牌合作伙伴' },
      levels: { TRIAL: '试用', LEVEL_3: '三级', LEVEL_2: '二级', LEVEL_1: '一级' },
      kinds: {
        CERTIFICATION: '蓝鲸运维工程师认证课程', AUTOMATION_OPERATIONS: '基于腾讯蓝鲸体系的自动化运维课程',
        LARGE_SCALE_PRACTICE: '海量运维实战课程', ENTERPRISE_TRAINING: '企业级运维解决方案内训',
      },
      tracks: { AUTOMATION: '运维自动化', DEVELOPMENT: '运维开发' },
      certificates: { SERVICE: '服务认证', USAGE: '使用认证' },
    },
    en: {
      title: 'BlueKing partner finder',
      intro: 'Find partners of Tencent BlueKing: search by company name, filter by type, level and region. Only partners with an active partnership are listed.',
      name: 'Company name', type: 'Type', level: 'Level', region: 'Region', search: 'Search',
      anyType: 'All types', anyLevel: 'All levels', anyRegion: 'All regions',
      found: (n) => `${n} partner${n === 1 ? '' : 's'}`, none: 'No partner matches.',
      previous: 'Previous', next: 'Next', pageOf: (p, t) => `Page ${p} of ${t}`,
      since: 'Partner since', code: 'Unified social credit code', back: 'Back to the search',
      offers: 'What this partner offers', courses: 'Approved courses', noCourses: 'No approved course yet.',
      notFound: 'No such partner: it is not an active partner, or its partnership has ended.',
      tooMany: (s) => `Too many requests; try again in ${s} s.`, invalid: (f) => `Invalid search: ${f}`,
      failed: 'Could not load; try again later.', loading: 'Loading…',
      footer: 'Tencent BlueKing partner program · only active partners are listed',
      other: '中文', locale: 'en-GB',
      types: { ENTERPRISE: 'Enterprise-edition technical partner', COMMUNITY: 'Community-edition technical partner', EDUCATION: 'Education partner', BRAND: 'Brand partner' },
      levels: { TRIAL: 'Trial', LEVEL_3: 'Level 3', LEVEL_2: 'Level 2', LEVEL_1: 'Level 1' },
      kinds: {
        CERTIFICATION: 'BlueKing operations-engineer certification course', AUTOMATION_OPERATIONS: 'Automated operations on BlueKing',
        LARGE_SCALE_PRACTICE: 'Large-scale operations practice', ENTERPRISE_TRAINING: 'In-house enterprise training',
      },
      tracks: { AUTOMATION: 'O&M automation', DEVELOPMENT: 'O&M development' },
      certificates: { SERVICE: 'service certification', USAGE: 'usage certification' },
    },
  };

  const $ = (id) => document.getElementById(id);
  let regions; // the regions request, made once
  const SEARCH_KEY = 'bk-partner-finder-search';
  let sequence = 0; // a view's answer that arrives after a newer view started is dropped

  /** What the address asks for. */
  function current() {
    const url = new URL(window.location.href);
    const get = (name) => (url.searchParams.get(name) || '').trim();
    const match = url.pathname.match(/^\/partners\/([0-9A-Z]{18})$/);
    return {
      lang: get('lang') === 'en' ? 'en' : 'zh',
      partnerId: match ? match[1] : null,
      q: get('q'), type: get('type'), level: get('level'), region: get('region'),
      page: Math.max(1, Number.parseInt(get('page'), 10) || 1),
    };
  }

  function searchHref(search) {
    const params = new URLSearchParams();
    for (const name of ['q', 'type', 'level', 'region']) if (search[name]) params.set(name, search[name]);
    if (search.page > 1) params.set('page', String(search.page));
    if (search.lang === 'en') params.set('lang', 'en');
    const query = params.toString();
    return '/partners/' + (query ? `?${query}` : '');
  }

  /** The last search of this tab, where "back" leads (kept across reloads; a fresh tab goes to an empty search). */
  function remember(search) {
    try {
      window.sessionStorage.setItem(SEARCH_KEY, JSON.stringify(search));
    } catch { /* storage off: "back" leads to an empty search */ }
  }

  function lastSearch() {
    try {
      return { page: 1, ...JSON.parse(window.sessionStorage.getItem(SEARCH_KEY) || '{}') };
    } catch {
      return { page: 1 };
    }
  }

  const partnerHref = (partnerId, lang) => `/partners/${partnerId}` + (lang === 'en' ? '?lang=en' : '');

  function navigate(href) {
    window.history.pushState(null, '', href);
    render();
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function formatDate(isoDate, t) {
    if (!isoDate) return '—';
    return new Intl.DateTimeFormat(t.locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' })
      .format(new Date(`${isoDate}T00:00:00Z`));
  }

  function options(select, blank, values, label, chosen) {
    select.replaceChildren(new Option(blank, ''));
    for (const value of values) select.add(new Option(label(value), value));
    if (chosen && !values.includes(chosen)) select.add(new Option(chosen, chosen));
    select.value = chosen;
  }

  function translate(t, lang) {
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t[node.dataset.i18n];
    const language = $('language');
    language.textContent = t.other;
    language.lang = lang === 'en' ? 'zh-CN' : 'en';
    $('search').q.placeholder = t.name;
  }

  function show(view) {
    $('search-view').hidden = view !== 'search';
    $('detail-view').hidden = view !== 'detail';
  }

  function say(text) {
    $('message').textContent = text || '';
    $('message').hidden = !text;
  }

  /** The JSON of a public call, or an error carrying what to tell the reader. */
  async function load(path, t) {
    let response;
    try {
      response = await fetch(path, { headers: { Accept: 'application/json' } });
    } catch {
      throw new Error(t.failed);
    }
    if (response.ok) return response.json();
    const problem = await response.json().catch(() => ({}));
    if (response.status === 429) throw new Error(t.tooMany(response.headers.get('Retry-After') || '60'));
    if (response.status === 404) throw Object.assign(new Error(t.notFound), { notFound: true });
    if (response.status === 400) {
      const fields = (problem.errors || []).map((error) => `${error.field} ${error.message}`);
      throw new Error(t.invalid(fields.join('; ') || problem.detail || ''));
    }
    throw new Error(t.failed);
  }

  async function renderSearch(search, t, mine) {
    show('search');
    document.title = t.title;
    remember(search);
    const form = $('search');
    form.q.value = search.q;
    options(form.type, t.anyType, TYPES, (type) => t.types[type], search.type);
    options(form.level, t.anyLevel, LEVELS, (level) => t.levels[level], search.level);
    form.level.disabled = search.type !== '' && search.type !== 'ENTERPRISE';
    regions = regions || load(`${API}/regions`, t).catch(() => []);
    options(form.region, t.anyRegion, [], String, search.region);
    regions.then((list) => {
      if (mine === sequence) options(form.region, t.anyRegion, list, String, search.region);
    });

    $('summary').textContent = t.loading;
    const params = new URLSearchParams({ page: String(search.page - 1), size: String(PAGE_SIZE) });
    for (const name of ['q', 'type', 'level', 'region']) if (search[name]) params.set(name, search[name]);
    let found;
    try {
      found = await load(`${API}?${params}`, t);
    } catch (error) {
      if (mine !== sequence) return;
      $('summary').textContent = '';
      $('results').replaceChildren();
      $('pager').hidden = true;
      say(error.message);
      return;
    }
    if (mine !== sequence) return;
    $('summary').textContent = found.totalElements === 0 ? t.none : t.found(found.totalElements);
    $('results').replaceChildren(...found.content.map((partner) => card(partner, search.lang, t)));
    pager(search, found, t);
  }

  function card(partner, lang, t) {
    const item = element('li', 'card');
    item.dataset.partnerId = partner.partnerId;
    const link = element('a', 'card-link');
    link.href = partnerHref(partner.partnerId, lang);
    link.dataset.nav = '';
    link.append(element('h2', 'partner-name', partner.companyName));
    const tags = element('p', 'tags');
    tags.append(element('span', 'tag type', t.types[partner.type] || partner.type));
    if (partner.level) tags.append(element('span', 'tag level', t.levels[partner.level] || partner.level));
    if (partner.region) tags.append(element('span', 'tag region', partner.region));
    item.append(link, tags, element('p', 'since', `${t.since} ${formatDate(partner.partnerSince, t)}`));
    return item;
  }

  function pager(search, found, t) {
    const pages = Math.max(1, found.totalPages);
    $('pager').hidden = found.totalElements <= PAGE_SIZE && search.page === 1;
    $('page-of').textContent = t.pageOf(search.page, pages);
    for (const [id, page, usable] of [['previous', search.page - 1, search.page > 1], ['next', search.page + 1, search.page < pages]]) {
      const link = $(id);
      if (usable) {
        link.href = searchHref({ ...search, page });
        link.removeAttribute('aria-disabled');
      } else {
        link.removeAttribute('href');
        link.setAttribute('aria-disabled', 'true');
      }
    }
  }

  async function renderPartner(state, t, mine) {
    show('detail');
    $('back').href = searchHref({ ...lastSearch(), lang: state.lang });
    $('partner-name').textContent = t.loading;
    $('facts').replaceChildren();
    $('offers').textContent = '';
    $('courses-section').hidden = true;
    let partner;
    try {
      partner = await load(`${API}/${state.partnerId}`, t);
    } catch (error) {
      if (mine !== sequence) return;
      $('partner-name').textContent = error.notFound ? state.partnerId : '';
      $('detail-view').hidden = !error.notFound;
      $('offers-heading').hidden = true;
      say(error.message);
      return;
    }
    if (mine !== sequence) return;
    $('offers-heading').hidden = false;
    document.title = `${partner.companyName} · ${t.title}`;
    $('partner-name').textContent = partner.companyName;
    const facts = [[t.type, t.types[partner.type] || partner.type]];
    if (partner.level) facts.push([t.level, t.levels[partner.level] || partner.level]);
    facts.push([t.region, partner.region || '—'], [t.since, formatDate(partner.partnerSince, t)], [t.code, partner.partnerId]);
    $('facts').replaceChildren(...facts.flatMap(([term, value]) => [element('dt', null, term), element('dd', null, value)]));
    $('offers').textContent = partner.offers[state.lang];
    if (partner.type === 'EDUCATION') {
      $('courses-section').hidden = false;
      $('courses').replaceChildren(...(partner.courses.length
        ? partner.courses.map((course) => courseItem(course, t)) : [element('li', 'empty', t.noCourses)]));
    }
    $('partner-name').focus();
  }

  function courseItem(course, t) {
    const item = element('li', 'course');
    item.append(element('strong', null, course.title));
    let kind = t.kinds[course.kind] || course.kind;
    if (course.track) {
      kind += ` · ${t.tracks[course.track] || course.track}`;
      if (course.level) kind += ` · ${t.certificates[course.level] || course.level}`;
    }
    item.append(element('span', 'course-kind', kind));
    return item;
  }

  function render() {
    const state = current();
    const t = TEXT[state.lang];
    const mine = ++sequence;
    translate(t, state.lang);
    say('');
    if (state.partnerId) renderPartner(state, t, mine);
    else renderSearch(state, t, mine);
  }

  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-nav][href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
      || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== window.location.origin) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });

  function submitSearch() {
    const form = $('search');
    const type = form.type.value;
    navigate(searchHref({
      q: form.q.value.trim(), type, level: type === '' || type === 'ENTERPRISE' ? form.level.value : '',
      region: form.region.value, page: 1, lang: current().lang,
    }));
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('search').addEventListener('submit', (event) => {
      event.preventDefault();
      submitSearch();
    });
    for (const name of ['type', 'level', 'region']) $('search')[name].addEventListener('change', submitSearch);
    $('language').addEventListener('click', () => {
      const url = new URL(window.location.href);
      if (current().lang === 'en') url.searchParams.delete('lang');
      else url.searchParams.set('lang', 'en');
      navigate(url.pathname + url.search);
    });
    window.addEventListener('popstate', render);
    render();
  });
})();
