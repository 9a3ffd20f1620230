// Manage → API keys: the "Copy" button next to the secret shown once.
document.querySelectorAll('[data-copy-target]').forEach(function (button) {
    button.addEventListener('click', function () {
        var input = document.getElementById(button.getAttribute('data-copy-target'));
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
