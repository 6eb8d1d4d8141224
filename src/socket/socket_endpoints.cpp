// socket_base's endpoints: bind, connect, unbind and disconnect over
// inproc (the context's registry) and tcp/ipc (listeners and connecting
// sessions on the I/O threads), and what each connection is told of the
// socket (socket_link).
#include "socket/socket_base.hpp"

#include "base/error.hpp"
#include "socket/connection_traits.hpp"
#include "socket/context.hpp"
#include "socket/monitor.hpp"
#include "transport/endpoint_uri.hpp"
#include "transport/peer_address.hpp"
#include "transport/session.hpp"
#include "transport/stream_listener.hpp"
#include "transport/tls_credentials.hpp"
#include "transport/udp_socket.hpp"
#include "transport/ws_address.hpp"

#include <zmq.h>

#include <algorithm>
#include <utility>

namespace zmx {

namespace {

// A wss:// bind or connect loads its ZMQ_WSS_* certificates once for all
// its connections: -1 with EINVAL when they do not load.
int load_tls_credentials(const endpoint_uri& ep, bool binding, socket_link& link) {
    if (ep.protocol != "wss")
        return 0;
    const tls_options& tls = link.transport.tls;
    link.tls = binding ? tls_credentials::for_server(tls) : tls_credentials::for_client(tls);
    return link.tls ? 0 : -1;
}

}  // namespace

bool socket_base::conflates() const {
    return options_.conflate && connection_traits_of(options_.type).honours_conflate;
}

// A STREAM socket's raw bytes have no WebSocket framing to travel in
// (libzmq 4.3.4 takes the endpoint): refused rather than sent unframed.
bool socket_base::speaks_raw_over_ws(const endpoint_uri& ep) const {
    return is_websocket(ep.protocol) && connection_engine() == engine_kind::raw;
}

engine_kind socket_base::connection_engine() const {
    return options_.raw_connections ? engine_kind::raw : connection_traits_of(options_.type).engine;
}

inproc_peer socket_base::inproc_self() const {
    const connection_traits traits = connection_traits_of(options_.type);
    return {mailbox_, options_.sndhwm, options_.rcvhwm, conflates(),
            traits.sends_hello ? options_.hello_msg : std::string(),
            traits.hears_disconnect ? options_.disconnect_msg : std::string(), options_.routing_id};
}

int socket_base::bind(const char* uri) {
    const auto lock = enter();
    endpoint_uri ep;
    if (begin_endpoint_call(uri, ep) < 0)
        return -1;
    if (ep.protocol == "udp")
        return open_udp(uri, ep, true);
    if (speaks_raw_over_ws(ep))
        return fail(ENOCOMPATPROTO);
    if (ep.protocol != "inproc")
        return bind_stream(uri, ep);
    std::vector<std::shared_ptr<pipe>> waiting;
    if (ctx_.inproc().bind(ep.address, inproc_self(), waiting) < 0)
        return -1;
    options_.last_endpoint = uri;
    for (auto& p : waiting)
        attach_pipe(std::move(p), {}, false);
    return 0;
}

int socket_base::connect(const char* uri) {
    const auto lock = enter();
    return connect_endpoint(uri);
}

int socket_base::connect_endpoint(const char* uri) {
    endpoint_uri ep;
    if (begin_endpoint_call(uri, ep) < 0)
        return -1;
    if (ep.protocol == "udp")
        return open_udp(uri, ep, false);
    if (speaks_raw_over_ws(ep))
        return fail(ENOCOMPATPROTO);
    if (ep.protocol != "inproc")
        return connect_stream(uri, ep);
    auto p = ctx_.inproc().connect(ep.address, inproc_self());
    if (!options_.connect_routing_id.empty())
        p->preset_peer_routing_id(options_.connect_routing_id);
    options_.connect_routing_id.clear();
    options_.last_endpoint = uri;
    attach_pipe(std::move(p), uri, true);
    return 0;
}

uint32_t socket_base::connect_peer(const char*) {
    errno = ENOTSUP;
    return 0;
}

int socket_base::unbind(const char* uri) {
    const auto lock = enter();
    return term_endpoint(uri);
}

int socket_base::disconnect(const char* uri) {
    const auto lock = enter();
    return term_endpoint(uri);
}

// What bind, connect, unbind and disconnect start with.
int socket_base::begin_endpoint_call(const char* uri, endpoint_uri& ep) {
    if (const int error = refusal())
        return fail(error);
    if (ep.parse(uri) < 0)
        return -1;
    return process_commands(0);
}

socket_link socket_base::link_for(const std::string& endpoint) const {
    const connection_traits traits = connection_traits_of(options_.type);
    return {.mailbox = mailbox_,
            .events = monitor_,
            .type = options_.type,
            .engine = connection_engine(),
            .announces_routing_id = traits.announces_routing_id,
            .conflate = conflates(),
            .subscribes_zmtp1_peers = traits.subscribes_zmtp1_peers,
            .groups = traits.groups,
            .routing_id = options_.routing_id,
            .connect_routing_id = options_.connect_routing_id,
            .sndhwm = options_.sndhwm,
            .rcvhwm = options_.rcvhwm,
            .maxmsgsize = options_.maxmsgsize,
            .reconnect_ivl = options_.reconnect_ivl,
            .reconnect_ivl_max = options_.reconnect_ivl_max,
            .handshake_ivl = options_.handshake_ivl,
            .ipv6 = options_.ipv6,
            .immediate = options_.immediate,
            .router_notify = options_.router_notify,
            .hello_msg = traits.sends_hello ? options_.hello_msg : std::string(),
            .disconnect_msg = traits.hears_disconnect ? options_.disconnect_msg : std::string(),
            .metadata = options_.metadata,
            .transport = options_.transport,
            .security = options_.security,
            .tls = nullptr,  // loaded by a wss:// bind or connect
            .inproc = &ctx_.inproc(),
            .endpoint = endpoint};
}

int socket_base::bind_stream(const char* uri, const endpoint_uri& ep) {
    io_thread* const picked = ctx_.pick_io_thread(options_.affinity);
    if (!picked)
        return -1;  // EMTHREAD
    io_thread& thread = *picked;
    socket_link link = link_for(uri);
    if (load_tls_credentials(ep, true, link) < 0)
        return -1;
    auto listener = stream_listener::open(thread, link, ep);
    if (!listener) {
        // libzmq names the address without its protocol here.
        monitor_->emit(ZMQ_EVENT_BIND_FAILED, static_cast<uint32_t>(errno), endpoint_pair::of_bind(ep.address));
        return -1;
    }
    monitor_->emit(ZMQ_EVENT_LISTENING, static_cast<uint32_t>(listener->fd()),
                   endpoint_pair::of_bind(listener->bound_endpoint()));
    options_.last_endpoint = listener->bound_endpoint();
    listeners_.push_back({listener->bound_endpoint(), &thread, listener->object_id(), listener->fd()});
    thread.adopt(std::move(listener));
    return 0;
}

int socket_base::connect_stream(const char* uri, const endpoint_uri& ep) {
    if (check_peer_address(ep) < 0)
        return -1;
    io_thread* const picked = ctx_.pick_io_thread(options_.affinity);
    if (!picked)
        return -1;  // EMTHREAD
    io_thread& thread = *picked;
    socket_link link_to_peer = link_for(uri);
    if (load_tls_credentials(ep, false, link_to_peer) < 0)
        return -1;
    options_.last_endpoint = is_websocket(ep.protocol) ? ws_endpoint_with_path(uri) : uri;
    options_.connect_routing_id.clear();  // it names this connection only
    std::unique_ptr<session> connecting;
    if (options_.immediate) {
        // The session gives us a pipe once it has a connection.
        connecting = std::make_unique<session>(thread, link_to_peer, nullptr);
    } else {
        // The pipe exists from now on: messages wait in it until a
        // connection is made (libzmq's default).
        auto pair = pipe_pair::create();
        pipe& ours = pair->end(0);
        ours.set_hwms(options_.sndhwm, options_.rcvhwm);
        if (link_to_peer.conflate)
            ours.set_conflate();
        ours.set_mailbox(mailbox_);
        // As libzmq names it in PIPES_STATS: made before there is a local end.
        ours.set_connection_ends(endpoint_pair::of_connect(uri));
        if (!link_to_peer.connect_routing_id.empty())
            ours.preset_peer_routing_id(link_to_peer.connect_routing_id);
        connecting = std::make_unique<session>(thread, link_to_peer, pair->end(1).self());
        attach_pipe(ours.self(), uri, true);
    }
    connects_.push_back({uri, &thread, connecting->object_id(), -1});
    thread.adopt(std::move(connecting));
    return 0;
}

int socket_base::open_udp(const char* uri, const endpoint_uri& ep, bool binding) {
    // As libzmq: a DISH or DGRAM binds, a RADIO connects, no other type
    // speaks udp.
    const bool compatible = binding ? options_.type == ZMQ_DISH || options_.type == ZMQ_DGRAM
                                    : options_.type == ZMQ_RADIO;
    if (!compatible)
        return fail(ENOCOMPATPROTO);
    udp_address address;
    if (resolve_udp_address(ep.address, binding, options_.ipv6, address) < 0)
        return -1;
    io_thread* const thread = ctx_.pick_io_thread();
    if (!thread)
        return -1;  // EMTHREAD
    const int fd = binding ? open_udp_receiver(address)
                           : open_udp_sender(address, options_.multicast_hops, options_.multicast_loop);
    if (fd < 0)
        return -1;
    socket_link link = link_for(uri);
    link.engine = engine_kind::udp;
    link.udp_destination = address.target;
    auto pair = pipe_pair::create();
    pipe& ours = pair->end(0);
    ours.set_hwms(options_.sndhwm, options_.rcvhwm);
    ours.set_mailbox(mailbox_);
    auto udp_session = std::make_unique<session>(*thread, link, pair->end(1).self(), fd);
    attach_pipe(ours.self(), uri, true);
    options_.last_endpoint = binding ? udp_endpoint_of(fd, address) : uri;
    (binding ? listeners_ : connects_).push_back({uri, thread, udp_session->object_id(), fd});
    thread->adopt(std::move(udp_session));
    return 0;
}

void socket_base::close_listener(size_t index) {
    const started_on_io_thread& listener = listeners_[index];
    // Waited for, as libzmq reports CLOSED once the descriptor is closed:
    // whoever hears it (or returns from unbind) may bind the address again,
    // and a closing socket's monitor hears CLOSED before MONITOR_STOPPED.
    listener.thread->cancel(listener.object).wait();
    monitor_->emit(ZMQ_EVENT_CLOSED, static_cast<uint32_t>(listener.fd), endpoint_pair::of_bind(listener.endpoint));
    listeners_.erase(listeners_.begin() + static_cast<std::ptrdiff_t>(index));
}

// As in libzmq, unbind and disconnect are one operation: release the name
// if we bound it, else close the connections made through it.
int socket_base::term_endpoint(const char* uri) {
    endpoint_uri ep;
    if (begin_endpoint_call(uri, ep) < 0)
        return -1;
    if (ep.protocol == "inproc" && ctx_.inproc().unbind(ep.address, mailbox_.get()) == 0)
        return 0;
    if (const size_t i = find_listener(uri); i < listeners_.size()) {
        close_listener(i);
        // As in libzmq, the connections it accepted end with it.
        remove_pipes_named(uri);
        return 0;
    }
    const bool was_connected = cancel_connects(uri);
    if (!remove_pipes_named(uri) && !was_connected)
        return fail(ENOENT);
    return 0;
}

size_t socket_base::find_listener(const std::string& endpoint) const {
    const auto it = std::find_if(listeners_.begin(), listeners_.end(),
                                 [&endpoint](const auto& l) { return l.endpoint == endpoint; });
    return static_cast<size_t>(it - listeners_.begin());
}

bool socket_base::remove_pipes_named(const std::string& uri) {
    std::vector<pipe*> through;
    for (auto& p : pipes_)
        if (p->endpoint() == uri)
            through.push_back(p.get());
    for (pipe* p : through)
        remove_pipe(p);
    return !through.empty();
}

bool socket_base::cancel_connects(const std::string& uri) {
    const size_t before = connects_.size();
    std::erase_if(connects_, [&uri](const started_on_io_thread& connect) {
        if (connect.endpoint != uri)
            return false;
        connect.thread->cancel(connect.object);
        return true;
    });
    return connects_.size() != before;
}

} // namespace zmx
