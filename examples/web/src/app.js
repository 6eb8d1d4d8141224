// The page: news from a zmx-broker forwarder (SUB over ws) and requests to
// workers through a zmx-broker queue (DEALER over ws). Where to connect
// comes from /config.json, which the example's server writes with the
// ports the broker got. Everything the page learns it writes into the DOM
// (each socket's state in data-state, each message as a list item), which
// is also what the tests read.
import { SubSocket, DealerSocket, text } from './zws.js';

const KEEP = 200; // list items kept per list: the page runs for hours

function append(list, line) {
  const item = document.createElement('li');
  item.textContent = line;
  list.prepend(item); // newest on top
  while (list.children.length > KEEP) list.lastElementChild.remove();
}

function showState(socket, element) {
  const update = () => {
    element.textContent = socket.state;
    element.dataset.state = socket.state;
  };
  socket.addEventListener('state', update);
  update();
}

async function main() {
  const config = await (await fetch('config.json')).json();

  const news = new SubSocket(config.news);
  news.subscribe(config.topic);
  showState(news, document.getElementById('news-state'));
  const newsList = document.getElementById('news');
  news.addEventListener('message', (event) => append(newsList, event.detail.map(text).join(' ')));

  // A DEALER talking to REP workers through the queue: each request is an
  // empty delimiter frame then the body, as a REQ would send it, and each
  // reply comes back the same way. Unlike REQ, a DEALER need not wait for
  // one reply before sending the next request.
  const tasks = new DealerSocket(config.tasks);
  const tasksState = document.getElementById('tasks-state');
  showState(tasks, tasksState);
  const replies = document.getElementById('replies');
  tasks.addEventListener('message', (event) => {
    const frames = event.detail.map(text);
    if (frames.length === 2 && frames[0] === '') append(replies, frames[1]);
  });

  const form = document.getElementById('request-form');
  const input = document.getElementById('request');
  const sendButton = document.getElementById('send');
  const enableSend = () => (sendButton.disabled = tasks.state !== 'up');
  tasks.addEventListener('state', enableSend);
  enableSend();
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (input.value && tasks.send(['', input.value])) input.value = '';
  });
}

main().catch((error) => {
  document.getElementById('error').textContent = String(error);
});
