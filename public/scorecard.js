// Autosave for the live scorecard. The page works without this file (plain form posts);
// with it, nothing typed is lost: drafts save a moment after typing stops and when a field
// is left, a copy waits in localStorage while the server cannot be reached (offline, restart,
// expired session), and a save that would overwrite another tab's text shows both instead.
(() => {
  const form = document.querySelector('form[data-scorecard]');
  if (!form) return;
  const interviewId = form.dataset.scorecard;
  const scorecardId = form.dataset.scorecardId;
  const msgs = document.querySelector('[data-messages]')?.dataset ?? {};
  const stateEl = document.querySelector('[data-save-state]');
  const versionEl = form.querySelector('[data-version]');
  // The hidden messages element carries a data-conflict text as well: the box is the other one.
  const conflictEl = document.querySelector('[data-conflict]:not([data-messages])');
  const expiredEl = document.querySelector('[data-session-expired]');
  const restoredEl = document.querySelector('[data-restored]');
  const url = `/interviews/${interviewId}/scorecard/draft`;
  const locked = form.querySelector('textarea[disabled], input[type="radio"][disabled]') !== null;
  let csrf = form.querySelector('input[name="_csrf"]')?.value ?? '';
  let timer = null;
  let retryTimer = null;
  let saving = null;
  let again = false;
  let dirty = false;
  let blocked = false;
  let submitting = false;

  const store = {
    get(k) {
      try {
        return localStorage.getItem(k);
      } catch {
        return null;
      }
    },
    set(k, v) {
      try {
        localStorage.setItem(k, v);
      } catch {
        // Storage full or disabled: the server copy is still the main one.
      }
    },
    remove(k) {
      try {
        localStorage.removeItem(k);
      } catch {
        // As above.
      }
    },
    keys() {
      const out = [];
      try {
        for (let i = 0; i < localStorage.length; i++) {
          const k = localStorage.key(i);
          if (k !== null) out.push(k);
        }
      } catch {
        // As above.
      }
      return out;
    },
  };

  // ---- Which tab owns which copy ----------------------------------------------------------
  // Every tab keeps its unsaved words under its own key, so a save in one tab never deletes
  // another tab's copy, and a reload (same sessionStorage) finds its own copy again. A copy whose
  // tab is gone (closed, crashed) is taken over by the next page that opens this scorecard; a copy
  // of a tab that is still open is left to that tab. Open tabs are known by the Web Locks they
  // hold, or (where Web Locks are missing: plain HTTP off localhost) by a heartbeat.
  const prefix = `kam-scorecard:${scorecardId}`;
  const LOCK = 'kam-scorecard-tab:';
  const ALIVE = 'kam-scorecard-alive:';
  const TAB = 'kam-scorecard-tab';
  const newTabId = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  const locks =
    navigator.locks && typeof navigator.locks.request === 'function' && typeof navigator.locks.query === 'function'
      ? navigator.locks
      : null;
  let tabId = (() => {
    try {
      return sessionStorage.getItem(TAB) || newTabId();
    } catch {
      return newTabId();
    }
  })();
  let backupKey = `${prefix}:${tabId}`;

  // Holds the lock for the page's lifetime; false when another open tab already holds it.
  const holdLock = (id) =>
    new Promise((resolve) => {
      locks
        .request(LOCK + id, { ifAvailable: true }, (lock) => {
          resolve(lock !== null);
          return lock ? new Promise(() => {}) : undefined;
        })
        .catch(() => resolve(true));
    });

  async function claimTab() {
    // A duplicated tab copies sessionStorage: the original still holds the lock, so take a new id.
    if (locks && !(await holdLock(tabId))) {
      tabId = newTabId();
      backupKey = `${prefix}:${tabId}`;
      await holdLock(tabId);
    }
    try {
      sessionStorage.setItem(TAB, tabId);
    } catch {
      // Without sessionStorage a reload counts as a new tab; its old copy is taken over all the same.
    }
    if (!locks) {
      const beat = () => store.set(ALIVE + tabId, String(Date.now()));
      beat();
      setInterval(beat, 5000);
      window.addEventListener('pagehide', () => store.remove(ALIVE + tabId));
      window.addEventListener('pageshow', beat);
    }
  }

  async function otherOpenTabs() {
    if (locks) {
      try {
        const { held = [] } = await locks.query();
        return new Set(
          held
            .map((l) => l.name ?? '')
            .filter((n) => n.startsWith(LOCK))
            .map((n) => n.slice(LOCK.length)),
        );
      } catch {
        // Fall back to the heartbeat below (empty when no tab writes one: everything is taken over).
      }
    }
    const open = new Set();
    for (const k of store.keys()) {
      if (k.startsWith(ALIVE) && Date.now() - Number(store.get(k)) < 20000) open.add(k.slice(ALIVE.length));
    }
    open.delete(tabId);
    return open;
  }

  /** This scorecard's copies (also the single key of earlier versions of this file): [key, owner tab]. */
  const copies = () =>
    store
      .keys()
      .filter((k) => k === prefix || k.startsWith(`${prefix}:`))
      .map((k) => [k, k === prefix ? '' : k.slice(prefix.length + 1)]);

  // ---- The form ---------------------------------------------------------------------------
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
    const text = kind === 'saved' ? `${msgs.saved ?? 'Saved'} ${extra ?? ''}`.trim() : (msgs[kind] ?? kind);
    stateEl.textContent = text;
    stateEl.dataset.state = kind;
  }

  function backup() {
    store.set(backupKey, JSON.stringify({ version: Number(versionEl.value), fields: fields(), at: Date.now() }));
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

  // ---- Saving -----------------------------------------------------------------------------
  async function refreshCsrf() {
    const res = await fetch('/csrf', { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    if (res.ok) csrf = (await res.json()).token;
    return res.status;
  }

  function post(body, keepalive) {
    return fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrf },
      body,
      // Lets the request finish when the page is going away (browsers allow 64 KB of such bodies).
      keepalive: keepalive && body.length < 60000,
    });
  }

  function retryLater() {
    clearTimeout(retryTimer);
    retryTimer = setTimeout(() => dirty && save(), 5000);
  }

  function showConflict(j) {
    blocked = true;
    setState('conflict');
    if (!conflictEl) return;
    const rows = conflictEl.querySelector('[data-conflict-rows]');
    rows.textContent = '';
    for (const d of j.differences ?? []) {
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

  async function save(opts) {
    if (blocked || locked || submitting) return;
    if (saving) {
      again = true;
      return saving;
    }
    clearTimeout(timer);
    const sent = fields();
    const params = new URLSearchParams(sent);
    params.set('version', versionEl.value);
    const body = params.toString();
    const keepalive = opts?.keepalive === true;
    setState('saving');
    saving = (async () => {
      try {
        let res = await post(body, keepalive);
        if (res.status === 403 && (await refreshCsrf()) === 200) res = await post(body, keepalive);
        if (res.status === 401) {
          setState('expired');
          if (expiredEl) expiredEl.hidden = false;
          retryLater();
          return;
        }
        if (res.ok) {
          const j = await res.json();
          versionEl.value = String(j.version);
          if (expiredEl) expiredEl.hidden = true;
          if (same(sent, fields())) {
            dirty = false;
            store.remove(backupKey);
            setState('saved', new Date(j.savedAt).toLocaleTimeString(document.documentElement.lang || undefined));
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

  // Words typed while the server was out of reach come back, and are saved against the version they started from.
  async function restore() {
    const open = await otherOpenTabs();
    if (dirty) return; // typing began meanwhile: never overwrite it
    const found = [];
    for (const [k, owner] of copies()) {
      if (owner !== tabId && open.has(owner)) continue; // another open tab's words stay with that tab
      let saved = null;
      try {
        saved = JSON.parse(store.get(k) ?? 'null');
      } catch {
        saved = null;
      }
      if (!saved || !Array.isArray(saved.fields)) {
        store.remove(k);
        continue;
      }
      found.push({ k, saved, own: owner === tabId });
    }
    // This tab's own copy first, then the newest left behind; one at a time, the rest on a later load.
    found.sort((a, b) => Number(b.own) - Number(a.own) || (Number(b.saved.at) || 0) - (Number(a.saved.at) || 0));
    for (const { k, saved } of found) {
      if (same(saved.fields, fields())) {
        store.remove(k); // already on the server
        continue;
      }
      apply(saved.fields);
      versionEl.value = String(saved.version);
      if (k !== backupKey) store.remove(k);
      if (restoredEl) restoredEl.hidden = false;
      dirty = true;
      backup();
      save();
      return;
    }
  }

  if (locked) {
    for (const [k] of copies()) store.remove(k);
    form.dataset.autosave = 'ready';
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
    // Leaving or hiding the page: send the last words now. A normal save (kept alive past the
    // page's end) rather than a beacon, so a page that stays learns the new version and its next
    // save is not taken for another tab's edit.
    const flush = () => {
      if (!dirty || blocked || submitting) return;
      if (saving) {
        again = true; // the copy in localStorage covers it should the page go first
        return;
      }
      save({ keepalive: true });
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());
    form.addEventListener('submit', async (e) => {
      if (submitting) return;
      if (saving) {
        e.preventDefault();
        await saving;
        form.requestSubmit(e.submitter);
        return;
      }
      // The post carries everything with the current version: no autosave may race it with the same version.
      submitting = true;
      clearTimeout(timer);
      clearTimeout(retryTimer);
    });

    conflictEl?.querySelector('[data-keep-mine]')?.addEventListener('click', () => {
      versionEl.value = conflictEl.dataset.version;
      conflictEl.hidden = true;
      blocked = false;
      dirty = true;
      save();
    });
    conflictEl?.querySelector('[data-take-theirs]')?.addEventListener('click', () => {
      store.remove(backupKey);
      dirty = false;
      location.reload();
    });

    claimTab()
      .then(restore)
      .catch(() => {
        // Nothing to restore is better than a broken page.
      })
      .finally(() => {
        form.dataset.autosave = 'ready'; // set up, and any earlier words are back (tests wait for this)
      });
  }

  // Elapsed time since the interviewer opened the scorecard; kept across reloads.
  const clock = document.querySelector('[data-clock]');
  if (clock) {
    const out = clock.querySelector('[data-clock-value]');
    const key = `kam-clock:${clock.dataset.clock}`;
    let start = Number(store.get(key));
    if (!start) {
      start = Date.now();
      store.set(key, String(start));
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
      store.set(key, String(start));
      tick();
    });
  }
})();
