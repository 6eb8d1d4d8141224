// A ZeroMQ socket for the browser: ZWS 2.0 (ZeroMQ RFC 45 as libzmq 4.3
// speaks it) over the browser's own WebSocket.
//
// The subprotocol is the bare "ZWS2.0": a browser cannot offer
// "ZWS2.0/NULL" (its WebSocket API refuses a subprotocol with a '/', an
// HTTP separator), and bare "ZWS2.0" is what libzmq and zmx take from it.
// It has no security handshake: each side's first message is its routing
// id (ours is empty: the broker's ROUTER then makes one up), and the peer's
// socket type is not checked. The browser does the RFC 6455 part (upgrade,
// masking, ping/pong heartbeats), so what is left is small:
//
//   every WebSocket binary message is one ZMTP frame: a flags byte
//   (1 = MORE, 2 = COMMAND), then the frame's body; subscriptions are
//   messages (0x01 + prefix), as libzmq sends them over ws.
//
// Why our own: the npm client jszmq (0.1.2, its only release) speaks this
// too, but its sockets do not report their connections' state, which the
// page shows, and it brings Node's buffer and events (and lodash) into
// the bundle.
//
// A socket connects to one endpoint and reconnects (with back-off) when
// the connection drops, like a connecting libzmq socket. It reports its
// state as 'state' events: 'connecting' (never up yet), 'up' (routing ids
// exchanged), 'reconnecting' (was up, now down and trying again),
// 'closed' (close() was called).

const MORE = 0x01;
const COMMAND = 0x02;
const SOCKET_TYPES = ['SUB', 'DEALER'];

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function bytesOf(frame) {
  return typeof frame === 'string' ? encoder.encode(frame) : frame;
}

// flags byte + body, as one WebSocket message.
function zwsFrame(flags, body) {
  const out = new Uint8Array(1 + body.length);
  out[0] = flags;
  out.set(body, 1);
  return out;
}

export class ZwsSocket extends EventTarget {
  // type: 'SUB' or 'DEALER'; url: ws://host:port/path.
  constructor(type, url, { reconnectMs = 100, reconnectMaxMs = 2000 } = {}) {
    super();
    if (!SOCKET_TYPES.includes(type)) throw new Error(`socket type ${type} is not supported`);
    this.type = type;
    this.url = url;
    this.reconnectMs = reconnectMs;
    this.reconnectMaxMs = reconnectMaxMs;
    this.state = 'connecting';
    this.delay = reconnectMs;
    this.frames = []; // the parts of a multipart message still arriving
    this.connect();
  }

  // frames: an array of strings and Uint8Arrays, sent as one message.
  // Returns false (nothing sent) unless the connection is up: a message
  // queued for a connection that may never come is one the page would show
  // as sent and never answered.
  send(frames) {
    if (this.state !== 'up') return false;
    frames.forEach((frame, index) => {
      const flags = index < frames.length - 1 ? MORE : 0;
      this.ws.send(zwsFrame(flags, bytesOf(frame)));
    });
    return true;
  }

  close() {
    clearTimeout(this.retry);
    this.setState('closed');
    if (this.ws) this.ws.close();
  }

  // Called when the connection is up; SUB sends its subscriptions here.
  onUp() {}

  connect() {
    const ws = new WebSocket(this.url, ['ZWS2.0']);
    ws.binaryType = 'arraybuffer';
    this.ws = ws;
    this.peerRoutingId = null;
    this.frames = [];
    ws.onopen = () => ws.send(zwsFrame(0, new Uint8Array(0))); // our routing id: none
    ws.onmessage = (event) => this.receive(ws, new Uint8Array(event.data));
    ws.onclose = () => this.dropped(ws);
  }

  receive(ws, payload) {
    if (ws !== this.ws) return;
    if (typeof payload === 'string' || payload.length < 1) return this.fail('not a ZWS frame');
    const flags = payload[0];
    if (flags & COMMAND) return; // PING and the like: the browser's ws heartbeats do that job
    const body = payload.subarray(1);
    if (this.peerRoutingId === null) {
      // The peer's first message is its routing id: the connection is up.
      if (flags & MORE) return this.fail('a routing id of more than one frame');
      this.peerRoutingId = body;
      this.delay = this.reconnectMs; // a connection that came up restarts the back-off
      this.setState('up');
      this.onUp();
      return;
    }
    this.frames.push(body);
    if (flags & MORE) return;
    const message = this.frames;
    this.frames = [];
    this.dispatchEvent(new CustomEvent('message', { detail: message }));
  }

  fail(why) {
    console.warn(`zws ${this.url}: ${why}; closing`);
    this.ws.close();
  }

  dropped(ws) {
    if (ws !== this.ws || this.state === 'closed') return;
    // 'connecting' until the first connection has come up, then
    // 'reconnecting' whenever one is down.
    if (this.state === 'up') this.setState('reconnecting');
    this.retry = setTimeout(() => this.connect(), this.delay);
    this.delay = Math.min(this.delay * 2, this.reconnectMaxMs);
  }

  setState(state) {
    if (this.state === state) return;
    this.state = state;
    this.dispatchEvent(new CustomEvent('state', { detail: state }));
  }
}

// SUB: its subscriptions are sent again on every new connection, as a
// libzmq SUB does, so a restarted publisher (or broker) hears them.
export class SubSocket extends ZwsSocket {
  constructor(url, options) {
    super('SUB', url, options);
    this.subscriptions = new Set();
  }

  subscribe(prefix) {
    this.subscriptions.add(prefix);
    if (this.state === 'up') this.sendSubscription(prefix);
  }

  onUp() {
    for (const prefix of this.subscriptions) this.sendSubscription(prefix);
  }

  // ZWS carries subscriptions as messages: 0x01 then the prefix.
  sendSubscription(prefix) {
    const bytes = bytesOf(prefix);
    const body = new Uint8Array(1 + bytes.length);
    body[0] = 1;
    body.set(bytes, 1);
    this.ws.send(zwsFrame(0, body));
  }
}

export class DealerSocket extends ZwsSocket {
  constructor(url, options) {
    super('DEALER', url, options);
  }
}

export function text(frame) {
  return decoder.decode(frame);
}
