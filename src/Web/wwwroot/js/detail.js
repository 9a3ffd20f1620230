// Copy buttons on the detail: copy the target input's value, say so on the button.
document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.addEventListener('click', function () {
        var input = document.getElementById(button.getAttribute('data-copy-target'));
        if (!input) { return; }
        input.select();
        var done = function () { button.textContent = button.getAttribute('data-copied-text'); };
        if (navigator.clipboard) {
            navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand('copy'); done(); });
        } else {
            document.execCommand('copy');
            done();
        }
    });
});

// The composer: show the chosen kind of message, count characters, build a template's parameter fields, and once
// anything changes after a preview, hide the preview and its Send button until the message is previewed again.
document.querySelectorAll('[data-composer]').forEach(function (form) {
    var stale = function () {
        form.querySelectorAll('[data-composer-preview], [data-composer-send]').forEach(function (el) { el.hidden = true; });
        var note = form.querySelector('[data-composer-stale]');
        if (note && form.querySelector('[data-composer-send]')) { note.hidden = false; }
    };
    var showMode = function () {
        var checked = form.querySelector('[data-composer-mode]:checked');
        if (!checked) { return; }
        form.querySelectorAll('[data-composer-section]').forEach(function (section) {
            section.hidden = section.getAttribute('data-composer-section') !== checked.value;
        });
    };
    form.querySelectorAll('[data-composer-mode]').forEach(function (radio) {
        radio.addEventListener('change', function () { showMode(); stale(); });
    });
    var text = form.querySelector('#composer-text');
    var count = form.querySelector('[data-composer-count]');
    if (text && count) {
        text.addEventListener('input', function () {
            count.textContent = count.getAttribute('data-template').replace('{0}', text.value.length.toLocaleString(document.documentElement.lang));
        });
    }
    var select = form.querySelector('[data-composer-template]');
    if (select) {
        select.addEventListener('change', function () {
            var option = select.options[select.selectedIndex];
            var body = form.querySelector('[data-composer-template-body]');
            body.textContent = option.getAttribute('data-body') || '';
            var holder = form.querySelector('[data-composer-parameters]');
            var label = holder.getAttribute('data-label');
            holder.replaceChildren();
            var n = parseInt(option.getAttribute('data-parameters') || '0', 10);
            for (var i = 0; i < n; i++) {
                var wrap = document.createElement('div');
                wrap.className = 'mt-1';
                var l = document.createElement('label');
                l.className = 'form-label small mb-0';
                l.htmlFor = 'composer-parameter-' + i;
                l.textContent = label.replace('{0}', String(i + 1));
                var input = document.createElement('input');
                input.className = 'form-control form-control-sm';
                input.id = 'composer-parameter-' + i;
                input.name = 'Parameters[' + i + ']';
                input.maxLength = 1024;
                input.setAttribute('data-testid', 'composer-parameter');
                wrap.append(l, input);
                holder.append(wrap);
            }
            stale();
        });
    }
    form.addEventListener('input', function (e) {
        if (e.target.matches('textarea, input[type=text], input:not([type])')) { stale(); }
    });
});
