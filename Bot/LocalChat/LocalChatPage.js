// The chat page's script (Bot/LocalChat/LocalChatPage.html); a file of its own because the page's
// Content-Security-Policy allows no inline script.
// One conversation per page load; the language switch starts a new one in the other language.
// conversationStartProperties.locale gives the first conversationUpdate the locale (Direct Line
// sends none otherwise), and Web Chat's locale prop stamps every message with it.
const params = new URLSearchParams(location.search);
const locale = params.get('locale') === 'de-DE' ? 'de-DE' : 'en-US';
document.documentElement.lang = locale.slice(0, 2);
const language = document.getElementById('language');
language.value = locale;
language.addEventListener('change', () => {
  params.set('locale', language.value);
  location.search = params.toString();
});

const directLine = window.WebChat.createDirectLine({
  domain: location.origin + '{{directLinePath}}',
  token: 'local',
  webSocket: false,
  pollingInterval: 500,
  conversationStartProperties: { locale }
});
window.WebChat.renderWebChat(
  { directLine, userID: 'local-user-' + Math.random().toString(36).slice(2, 10), username: 'You', locale },
  document.getElementById('webchat')
);
