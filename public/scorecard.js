// Autosave for the live scorecard. The page works without this file (plain form posts);
// with it, nothing typed is lost: drafts save a moment after typing stops and when a field
// is left, a copy waits in localStorage while the server cannot be reached (offline, restart,
// expired session), and a save that would overwrite another tab's text shows both instead.
(() => {
  'use strict';
  const form = document.querySelector('form[data-scorecard]');
  if (!form) return;
  const interviewId = form.dataset.scorecard;
  const scorecardId = form.dataset.scorecardId;
  const msgs = document.querySelector('[data-messages]')?.dataset ?? {};
  const stateEl = document.querySelector('[data-save-state]');
  const versionEl = form.querySelector('[data-version]');
  const conflictEl = document.querySelector('[data-conflict]');
  const expiredEl = document.querySelector('[data-session-expired]');
  const restoredEl = document.querySelector('[data-restored]');
  const url = `/interviews/${interviewId}/scorecard/draft`;
  const backupKey = `kam-scorecard:${scorecardId}`;
  const locked = form.querySelector('textarea[disabled], input[type="radio"][disabled]') !== null;
  let csrf = form.querySelector('input[name="_csrf"]').value;
  let timer = null;
  let retryTimer = null;
  let saving = null;
  let again = false;
  let dirty = false;
  let blocked = false;

  const fields = () => {
    const out = [];
    for (const [name, value] of new FormData(form).entries()) {
      if (name === '_csrf' || name === 'version' || name === 'action' || typeof value !== 'string') continue;
      out.push([name, value]);
    }
    return out;
  };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  function setState(kind, extra) {
    if (!stateEl) return;
    const text = kind === 'saved' ? `${msgs.saved ?? 'Saved'} ${extra ?? ''}`.trim() : msgs[kind] ?? kind;
    stateEl.textContent = text;
    stateEl.dataset.state = kind;
  }

  function backup() {
    try {
      localStorage.setItem(backupKey, JSON.stringify({ version: Number(versionEl.value), fields: fields(), at: Date.now() }));
    } catch {
      // Storage full or disabled: the server copy is still the main one.
    }
  }

  function apply(saved) {
    const byName = new Map();
    for (const [n, v] of saved) byName.set(n, v);
    for (const el of form.elements) {
      if (!el.name || el.name === '_csrf' || el.name === 'version' || el.disabled) continue;
      const v = byName.get(el.name);
      if (el.type === 'radio') el.checked = v !== undefined && el.value === v;
      else if (el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.type === 'text') el.value = v ?? '';
    }
  }

  async function refreshCsrf() {
    const res = await fetch('/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (res.ok) csrf = (await res.json()).token;
    return res.status;
  }

  function post(body) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf },
      body,
    });
  }

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => dirty && save(), 5000);
  }

  function showConflict(j) {
    blocked = true;
    setState('conflict');
    const rows = conflictEl.querySelector('[data-conflict-rows]');
    rows.textContent = '';
    for (const d of j.differences) {
      const tr = document.createElement('tr');
      const th = document.createElement('th');
      th.scope = 'row';
      th.textContent = d.label;
      const mine = document.createElement('td');
      mine.className = 'pre';
      mine.textContent = d.mine;
      const theirs = document.createElement('td');
      theirs.className = 'pre';
      theirs.textContent = d.theirs;
      tr.append(th, mine, theirs);
      rows.append(tr);
    }
    conflictEl.hidden = false;
    conflictEl.dataset.version = String(j.version);
    conflictEl.focus();
  }

  async function save() {
    if (blocked || locked) return;
    if (saving) {
      again = true;
      return saving;
    }
    clearTimeout(timer);
    const sent = fields();
    const body = new URLSearchParams(sent);
    body.set('version', versionEl.value);
    setState('saving');
    saving = (async () => {
      try {
        let res = await post(body);
        if (res.status === 403 && (await refreshCsrf()) === 200) res = await post(body);
        if (res.status === 401) {
          setState('expired');
          expiredEl.hidden = false;
          retryLater();
          return;
        }
        if (res.ok) {
          const j = await res.json();
          versionEl.value = String(j.version);
          expiredEl.hidden = true;
          if (same(sent, fields())) {
            dirty = false;
            localStorage.removeItem(backupKey);
            setState('saved', new Date(j.savedAt).toLocaleTimeString(document.documentElement.lang));
          } else backup();
          return;
        }
        if (res.status === 409) return showConflict(await res.json());
        if (res.status === 423) {
          blocked = true;
          setState('locked');
          return;
        }
        setState('offline');
        retryLater();
      } catch {
        setState('offline');
        retryLater();
      }
    })();
    await saving;
    saving = null;
    if (again) {
      again = false;
      if (dirty) await save();
    }
  }

  function changed() {
    dirty = true;
    backup();
    setState('unsaved');
    clearTimeout(timer);
    timer = setTimeout(save, 2000);
  }

  if (locked) {
    localStorage.removeItem(backupKey);
  } else {
    form.addEventListener('input', changed);
    form.addEventListener('change', () => dirty && save());
    form.addEventListener('focusout', () => dirty && save());
    document.addEventListener('keydown', (e) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
        e.preventDefault();
        dirty = true;
        save();
      }
    });
    // Leaving the page: hand the last words to the server in the background.
    const flush = () => {
      if (!dirty || blocked) return;
      const body = new URLSearchParams(fields());
      body.set('version', versionEl.value);
      body.set('_csrf', csrf);
      navigator.sendBeacon?.(url, body);
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    form.addEventListener('submit', async (e) => {
      if (!saving) return;
      e.preventDefault();
      await saving;
      form.requestSubmit(e.submitter);
    });

    conflictEl?.querySelector('[data-keep-mine]')?.addEventListener('click', () => {
      versionEl.value = conflictEl.dataset.version;
      conflictEl.hidden = true;
      blocked = false;
      dirty = true;
      save();
    });
    conflictEl?.querySelector('[data-take-theirs]')?.addEventListener('click', () => {
      localStorage.removeItem(backupKey);
      dirty = false;
      location.reload();
    });

    // Words typed while the server was out of reach come back, and are saved against the version they started from.
    try {
      const saved = JSON.parse(localStorage.getItem(backupKey) ?? 'null');
      if (saved && Array.isArray(saved.fields) && !same(saved.fields, fields())) {
        apply(saved.fields);
        versionEl.value = String(saved.version);
        restoredEl.hidden = false;
        dirty = true;
        save();
      } else if (saved) localStorage.removeItem(backupKey);
    } catch {
      localStorage.removeItem(backupKey);
    }
  }

  // Elapsed time since the interviewer opened the scorecard; kept across reloads.
  const clock = document.querySelector('[data-clock]');
  if (clock) {
    const out = clock.querySelector('[data-clock-value]');
    const key = `kam-clock:${clock.dataset.clock}`;
    let start = Number(localStorage.getItem(key));
    if (!start) {
      start = Date.now();
      localStorage.setItem(key, String(start));
    }
    const pad = (n) => String(n).padStart(2, '0');
    const tick = () => {
      const s = Math.max(0, Math.floor((Date.now() - start) / 1000));
      const h = Math.floor(s / 3600);
      out.textContent = `${h ? `${h}:` : ''}${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
    };
    tick();
    setInterval(tick, 1000);
    document.querySelector('[data-clock-reset]')?.addEventListener('click', () => {
      start = Date.now();
      localStorage.setItem(key, String(start));
      tick();
    });
  }
})();
