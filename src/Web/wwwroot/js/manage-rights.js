// Manage → Users → Rights: the tabs switch without a round trip (without JS each tab button is a Preview that opens
// its tab), the effective result follows the ticked boxes (a Preview fetched in the background, its panel swapped in),
// and "Show deactivated" applies at once.
(function () {
    var form = document.getElementById('rights-form');
    if (!form) { return; }
    var tabInput = document.getElementById('rights-tab');
    var previewButton = document.getElementById('rights-preview');

    form.querySelectorAll('[data-rights-tab]').forEach(function (button) {
        var tab = window.bootstrap.Tab.getOrCreateInstance(button);
        button.addEventListener('click', function (event) {
            event.preventDefault();
            tab.show();
        });
        button.addEventListener('shown.bs.tab', function () {
            tabInput.value = button.dataset.rightsTab;
        });
    });

    // Narrows the listed names of both tabs as one types (accents and case ignored); ticked boxes stay posted.
    var filterBox = document.getElementById('rights-filter-box');
    var filter = document.getElementById('rights-filter');
    var fold = function (text) { return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase(); };
    filterBox.hidden = false;
    filter.addEventListener('keydown', function (event) {
        if (event.key === 'Enter') { event.preventDefault(); }
    });
    filter.addEventListener('input', function () {
        var wanted = fold(filter.value.trim());
        form.querySelectorAll('[data-option]').forEach(function (option) {
            option.parentElement.hidden = wanted.length > 0 && fold(option.textContent).indexOf(wanted) < 0;
        });
    });

    var timer = null;
    var pending = null;
    var refresh = function () {
        if (pending) { pending.abort(); }
        pending = new AbortController();
        fetch(form.dataset.preview, { method: 'POST', body: new FormData(form), credentials: 'same-origin', signal: pending.signal })
            .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
            .then(function (html) {
                var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('rights-effect');
                var current = document.getElementById('rights-effect');
                // The live region stays, its content changes: screen readers announce the new numbers.
                if (fresh && current) { current.replaceChildren.apply(current, Array.from(fresh.childNodes)); }
            })
            .catch(function () { /* the Preview button still works */ });
    };

    form.addEventListener('change', function (event) {
        if (event.target === filter) { return; }
        if (event.target.name === 'ShowDeactivated') {
            form.requestSubmit(previewButton);
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(refresh, 200);
    });
})();
