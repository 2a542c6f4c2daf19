/* govreport serve — the one script of the pages (hand-written, no build step, no library).
   Every page works without it; with it: files can be dropped, uploads over the limit are
   stopped before they are sent, and a report's findings follow each edit at once. */
(function () {
  'use strict';
  var en = (document.documentElement.lang || '').indexOf('en') === 0;
  function t(zh, english) { return en ? english : zh; }
  /* A field of the report is named by its JSON pointer (a read-only text carries it as data). */
  function ptr(el) {
    if (!el || !el.getAttribute) return null;
    var n = el.getAttribute('name');
    return n && n.charAt(0) === '/' ? n : el.getAttribute('data-pointer');
  }
  function byPointer(root, p) {
    var q = '"' + (window.CSS && CSS.escape ? CSS.escape(p) : p) + '"';
    return root.querySelector('[name=' + q + '], div[data-pointer=' + q + ']');
  }

  /* Uploads: the size limit, and dropping a file on the page. */
  Array.prototype.forEach.call(document.querySelectorAll('form[data-max]'), function (form) {
    var max = Number(form.getAttribute('data-max'));
    var box = form.querySelector('.upload-error');
    form.addEventListener('submit', function (ev) {
      var total = 0;
      Array.prototype.forEach.call(form.querySelectorAll('input[type=file]'), function (input) {
        for (var i = 0; i < input.files.length; i++) total += input.files[i].size;
      });
      if (total > max) {
        ev.preventDefault();
        var mib = Math.round(max / 1048576);
        if (box) box.textContent = t('文件太大：上限为 ' + mib + ' MiB，所选文件共 ' + (total / 1048576).toFixed(1) + ' MiB。',
          'The file is too large: the limit is ' + mib + ' MiB and the files chosen come to ' + (total / 1048576).toFixed(1) + ' MiB.');
      }
    });
  });
  var drop = document.getElementById('drop');
  var fileInput = document.getElementById('file');
  if (drop && fileInput) {
    var hint = document.getElementById('file-hint');
    ['dragenter', 'dragover'].forEach(function (name) {
      document.addEventListener(name, function (ev) { ev.preventDefault(); drop.classList.add('over'); });
    });
    ['dragleave', 'drop'].forEach(function (name) {
      document.addEventListener(name, function (ev) { ev.preventDefault(); if (name === 'dragleave' && ev.relatedTarget) return; drop.classList.remove('over'); });
    });
    document.addEventListener('drop', function (ev) {
      if (!ev.dataTransfer || !ev.dataTransfer.files.length) return;
      fileInput.files = ev.dataTransfer.files;
      var form = fileInput.form;
      if (form.requestSubmit) form.requestSubmit(); else form.submit();
    });
    fileInput.addEventListener('change', function () {
      if (hint && fileInput.files.length) hint.textContent = fileInput.files[0].name;
    });
  }

  /* A report: the cell in focus, findings linked to their cells. */
  var doc = document.querySelector('.doc');
  /* When the page is first shown (after the first frame is painted): for the browser test. */
  requestAnimationFrame(function () { setTimeout(function () { if (performance.mark) performance.mark('govreport-shown'); }, 0); });
  var info = document.getElementById('cellinfo');
  var panel = document.getElementById('findings');
  if (doc && info) {
    doc.addEventListener('focusin', function (ev) {
      var el = ev.target;
      var p = ptr(el);
      if (!p) { info.textContent = ''; return; }
      var name = el.getAttribute('aria-label') || (el.labels && el.labels[0] ? el.labels[0].textContent : p);
      var bits = [name];
      var src = el.getAttribute('data-source');
      if (src) bits.push(t('来源：', 'Source: ') + src);
      var title = el.getAttribute('title');
      if (title) bits.push(title);
      info.textContent = bits.join(' · ');
    });
  }
  function highlight(li, on) {
    if (!doc) return;
    var ps = [li.getAttribute('data-pointer')].concat((li.getAttribute('data-related') || '').split(' '));
    ps.forEach(function (p) {
      if (!p) return;
      var el = byPointer(doc, p);
      var box = el && (el.closest('td') || el.closest('.field') || el.closest('.prose'));
      if (box) box.classList.toggle('hl', on);
    });
  }
  if (panel) {
    ['mouseover', 'focusin'].forEach(function (name) {
      panel.addEventListener(name, function (ev) { var li = ev.target.closest('li.finding'); if (li) highlight(li, true); });
    });
    ['mouseout', 'focusout'].forEach(function (name) {
      panel.addEventListener(name, function (ev) { var li = ev.target.closest('li.finding'); if (li) highlight(li, false); });
    });
    panel.addEventListener('click', function (ev) {
      var a = ev.target.closest('a[data-focus]');
      if (!a || !doc) return;
      var el = byPointer(doc, a.getAttribute('data-focus'));
      if (!el) return;
      ev.preventDefault();
      el.scrollIntoView({ block: 'center' });
      el.focus();
    });
  }

  /* Live editing: each change is sent; the answer brings the marks, the list and the totals. */
  var form = document.getElementById('report');
  if (!form || !form.getAttribute('data-live')) return;
  document.documentElement.classList.add('live-on');
  var url = form.getAttribute('data-live');
  var status = document.getElementById('live-status');
  var sent = 0, shown = 0, timers = {};
  var FLAG = { error: '!', warning: '?', info: 'i' };

  function boxOf(el) { return el.closest('td.fig') || el.closest('.field') || el.closest('.prose'); }

  function apply(answer, from) {
    var fields = form.querySelectorAll('[name^="/"]');
    var auto = {};
    (answer.auto || []).forEach(function (p) { auto[p] = true; });
    Array.prototype.forEach.call(fields, function (el) {
      var p = ptr(el);
      var box = boxOf(el);
      if (!box) return;
      var m = answer.marks[p];
      box.classList.remove('m-error', 'm-warning', 'm-info');
      if (m && m.sev) box.classList.add('m-' + m.sev);
      if (box.matches('td.fig')) {
        box.classList.toggle('auto', !!auto[p]);
        var flag = box.querySelector('.flag');
        if (flag) flag.textContent = m && m.sev ? FLAG[m.sev] : '';
      }
      if (m) { el.setAttribute('aria-describedby', m.ids); el.setAttribute('title', m.title); } else { el.removeAttribute('aria-describedby'); el.removeAttribute('title'); }
      if (m && m.sev === 'error' && box.matches('td.fig')) el.setAttribute('aria-invalid', 'true'); else el.removeAttribute('aria-invalid');
    });
    Object.keys(answer.values || {}).forEach(function (p) {
      var el = byPointer(form, p);
      if (el && el !== document.activeElement && el.value !== answer.values[p]) el.value = answer.values[p];
    });
    (answer.banners || []).forEach(function (b) {
      Array.prototype.forEach.call(form.querySelectorAll('.part-banner'), function (div) {
        if (div.getAttribute('data-part') === b.part) div.innerHTML = b.html;
      });
    });
    var from_box = from && boxOf(from);
    if (answer.ok) {
      if (from_box) from_box.classList.remove('bad');
      if (panel) panel.innerHTML = answer.panel;
      var summary = document.getElementById('findings-summary');
      if (status) status.textContent = t('已重新检查：', 'Checked again: ') + (summary ? summary.textContent.replace(/\s+/g, ' ').trim() : '');
    } else {
      if (from_box) from_box.classList.add('bad');
      if (from) from.setAttribute('aria-invalid', 'true');
      if (panel) panel.innerHTML = answer.panel;
      if (status) status.textContent = t('未修改：', 'Not changed: ') + answer.error;
    }
  }

  function send(el) {
    var p = ptr(el);
    if (!p) return;
    clearTimeout(timers[p]);
    var mine = ++sent;
    var body = new URLSearchParams();
    body.set('pointer', p);
    body.set('value', el.value);
    form.setAttribute('aria-busy', 'true');
    fetch(url, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (res) { return res.json(); })
      .then(function (answer) {
        if (mine < shown) return;
        shown = mine;
        if (answer.marks) apply(answer, el);
        else if (status) status.textContent = answer.error || t('出错了', 'Something went wrong');
      })
      .catch(function () { if (status) status.textContent = t('无法连接服务，修改未保存。', 'The service cannot be reached; the change was not kept.'); })
      .then(function () { if (mine === sent) form.removeAttribute('aria-busy'); });
  }

  form.addEventListener('input', function (ev) {
    var el = ev.target, p = ptr(el);
    if (!p) return;
    clearTimeout(timers[p]);
    timers[p] = setTimeout(function () { send(el); }, el.tagName === 'TEXTAREA' ? 600 : 250);
  });
  form.addEventListener('change', function (ev) { if (ptr(ev.target)) send(ev.target); });
  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var el = document.activeElement;
    if (el && el.form === form) send(el);
  });
  /* Enter moves to the next cell, as in a spreadsheet (Shift+Enter to the one before). */
  form.addEventListener('keydown', function (ev) {
    var el = ev.target;
    if (ev.key !== 'Enter' || el.tagName !== 'INPUT') return;
    ev.preventDefault();
    send(el);
    var cells = Array.prototype.filter.call(form.querySelectorAll('input[name^="/"]'), function (x) { return !x.readOnly; });
    var i = cells.indexOf(el) + (ev.shiftKey ? -1 : 1);
    if (i >= 0 && i < cells.length) { cells[i].focus(); cells[i].select(); }
  });
})();
