// The share kit of the thank-you page. Without this file each message is a form that Relais
// records and redirects to the network; with it, the share link follows the text as it is typed,
// the phone's share sheet is offered where the browser has one, and the share is recorded in the
// background. The addresses are built exactly as Relais.Sharing.ShareUrls builds them.
(() => {
    'use strict';

    // Like .NET's Uri.EscapeDataString: encodeURIComponent leaves !'()* alone.
    const encode = value => encodeURIComponent(value)
        .replace(/[!'()*]/g, c => '%' + c.charCodeAt(0).toString(16).toUpperCase());

    const join = (text, separator, link) => text.length === 0 ? link : text + separator + link;

    const mastodonHost = input => {
        let value = (input || '').trim();
        if (value.length === 0 || value.length > 263) {
            return null;
        }
        value = value.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
        if (value.startsWith('@') && value.lastIndexOf('@') > 0) {
            value = value.slice(value.lastIndexOf('@') + 1);
        }
        if (/[\s/\\:?#@%]/.test(value)) {
            return null;
        }
        let host = value.toLowerCase();
        if (/[^\x00-\x7f]/.test(host)) {
            try {
                host = new URL('https://' + value).hostname;
            } catch {
                return null;
            }
        }
        const labels = host.split('.');
        if (host.length > 253 || labels.length < 2
            || !labels.every(label => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label))
            || /^[0-9]+$/.test(labels[labels.length - 1])) {
            return null;
        }
        return host;
    };

    const shareUrl = (network, rawText, link, subject, instance) => {
        const text = rawText.trim().replace(/\r\n?/g, '\n');
        switch (network) {
            case 'x': return 'https://twitter.com/intent/tweet?text=' + encode(join(text, ' ', link));
            case 'facebook': return 'https://www.facebook.com/sharer/sharer.php?u=' + encode(link);
            case 'whatsapp': return 'https://wa.me/?text=' + encode(join(text, '\n\n', link));
            case 'telegram': return 'https://t.me/share/url?url=' + encode(link) + '&text=' + encode(text);
            case 'bluesky': return 'https://bsky.app/intent/compose?text=' + encode(join(text, ' ', link));
            case 'mastodon': {
                const host = mastodonHost(instance);
                return host === null ? null : 'https://' + host + '/share?text=' + encode(join(text, ' ', link));
            }
            case 'linkedin': return 'https://www.linkedin.com/sharing/share-offsite/?url=' + encode(link);
            case 'email': return 'mailto:?subject=' + encode(subject.replace(/\r\n?|\n/g, ' ')) + '&body='
                + encode(join(text, '\n\n', link).replace(/\n/g, '\r\n'));
            case 'sms': return 'sms:?&body=' + encode(join(text, ' ', link));
            default: return null;
        }
    };

    const record = form => {
        fetch(form.dataset.record, { method: 'POST', body: new FormData(form), credentials: 'same-origin', keepalive: true })
            .catch(() => { /* the share itself does not depend on the count */ });
    };

    for (const form of document.querySelectorAll('form[data-share]')) {
        const network = form.dataset.network;
        const textarea = form.querySelector('textarea');
        const instance = form.querySelector('input[name="Instance"]');
        const link = form.querySelector('[data-share-link]');
        const submit = form.querySelector('[data-share-submit]');
        const native = form.querySelector('[data-share-native]');
        const copy = form.querySelector('[data-share-copy]');
        const status = form.querySelector('.share-status');

        const update = () => {
            const url = shareUrl(network, textarea.value, form.dataset.link, form.dataset.subject, instance ? instance.value : null);
            if (url === null) {
                link.removeAttribute('href');
                link.setAttribute('aria-disabled', 'true');
            } else {
                link.href = url;
                link.removeAttribute('aria-disabled');
            }
        };

        submit.hidden = true;
        link.hidden = false;
        textarea.addEventListener('input', update);
        instance?.addEventListener('input', update);
        update();

        link.addEventListener('click', event => {
            if (!link.hasAttribute('href')) {
                event.preventDefault();
                instance?.focus();
                return;
            }
            record(form);
        });

        if (typeof navigator.share === 'function') {
            native.hidden = false;
            native.addEventListener('click', () => {
                navigator.share({ title: form.dataset.subject, text: textarea.value.trim(), url: form.dataset.link })
                    .then(() => record(form))
                    .catch(() => { /* closed without sharing */ });
            });
        }

        if ((network === 'facebook' || network === 'linkedin') && navigator.clipboard) {
            copy.hidden = false;
            copy.addEventListener('click', () => {
                navigator.clipboard.writeText(textarea.value.trim())
                    .then(() => { status.textContent = copy.dataset.copied; })
                    .catch(() => { textarea.select(); });
            });
        }
    }
})();
