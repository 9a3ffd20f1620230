// The crossed-eye toggle: show or hide the deactivated users and queues in the pickers at once, without a
// round trip (the page renders them always, hidden unless the toggle is on; without JS, Search applies the toggle).
(function () {
    var toggle = document.getElementById('inactive');
    if (!toggle) { return; }
    var apply = function () {
        document.querySelectorAll('option.deactivated-option').forEach(function (option) {
            option.hidden = !toggle.checked && !option.selected;
        });
    };
    toggle.addEventListener('change', apply);
})();
