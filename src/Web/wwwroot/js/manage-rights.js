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
                if (fresh && current) { current.replaceWith(fresh); }
            })
            .catch(function () { /* the Preview button still works */ });
    };

    form.addEventListener('change', function (event) {
        if (event.target.name === 'ShowDeactivated') {
            form.requestSubmit(previewButton);
            return;
        }
        clearTimeout(timer);
        timer = setTimeout(refresh, 200);
    });
})();
