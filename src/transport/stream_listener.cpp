#include "transport/stream_listener.hpp"

#include "transport/descriptor_tuning.hpp"
#include "transport/ipc_address.hpp"
#include "transport/session.hpp"
#include "transport/tcp_address.hpp"
#include "transport/ws_address.hpp"

#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <zmq.h>

#include <cerrno>
#include <utility>

namespace zmx {

namespace {

// How long a listener that ran out of descriptors or memory waits before it
// tries accept() again (each failed turn is one ACCEPT_FAILED event).
constexpr int accept_pause_ms = 100;

bool out_of_resources(int error) {
    return error == EMFILE || error == ENFILE || error == ENOBUFS || error == ENOMEM;
}

// The path of a ws:// or wss:// endpoint, "" for any other.
std::string ws_path_of(const std::string& endpoint) {
    const std::string_view scheme = websocket_scheme(endpoint);
    ws_address ws;
    if (scheme.empty() || split_ws_address(std::string_view(endpoint).substr(scheme.size()), ws) < 0)
        return {};
    return ws.path;
}

// Resolves a tcp, ws or ipc bind address; for "ipc://*", directory names
// the private directory made for it.
int resolve_listen_address(const endpoint_uri& ep, bool ipv6, socket_address& address, std::string& directory) {
    if (ep.protocol == "tcp" || is_websocket(ep.protocol)) {
        ws_address ws{ep.address, {}};
        if (is_websocket(ep.protocol) && split_ws_address(ep.address, ws) < 0)
            return -1;
        tcp_address tcp;
        if (resolve_bind_address(ws.host_port, ipv6, tcp) < 0)
            return -1;
        address = tcp;
        return 0;
    }
    if (ep.address == "*")
        return make_wildcard_ipc_address(address, directory);
    return resolve_ipc_address(ep.address, address);
}

}  // namespace

std::unique_ptr<stream_listener> stream_listener::open(io_thread& thread, const socket_link& link,
                                                       const endpoint_uri& ep) {
    if (link.transport.use_fd != -1)
        return listen_on_given(thread, link);
    socket_address address;
    std::string directory;
    if (resolve_listen_address(ep, link.ipv6, address, directory) < 0)
        return nullptr;
    auto listener = listen_on(thread, link, address, directory);
    if (!listener && !directory.empty()) {
        const int error = errno;
        ::rmdir(directory.c_str());
        errno = error;
    }
    return listener;
}

std::unique_ptr<stream_listener> stream_listener::listen_on(io_thread& thread, const socket_link& link,
                                                            const socket_address& address,
                                                            std::string owned_directory) {
    const int fd = ::socket(address.family(), SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return nullptr;
    const int on = 1;
    if (address.is_tcp()) {
        ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        tune_before_connecting(fd, link.transport.tcp);  // accepted descriptors inherit it
    } else if (const std::string file = ipc_file_of(address); !file.empty()) {
        ::unlink(file.c_str());  // a previous run's socket file: libzmq takes the path over too
    }
    socket_address bound = address;
    bound.length = sizeof bound.storage;
    if ((address.is_tcp() && bind_to_device(fd, link.transport.bound_device) < 0) ||
        ::bind(fd, address.get(), address.length) < 0 || ::listen(fd, link.transport.backlog) < 0 ||
        ::getsockname(fd, bound.get(), &bound.length) < 0) {
        const int error = errno;
        ::close(fd);
        // As libzmq reports it: the descriptor closed (named for ipc only).
        link.events->emit(ZMQ_EVENT_CLOSED, static_cast<uint32_t>(fd),
                          endpoint_pair::of_bind(address.is_tcp() ? "" : link.endpoint));
        errno = error;
        return nullptr;
    }
    return std::unique_ptr<stream_listener>(
        new stream_listener(thread, link, fd, bound, std::move(owned_directory)));
}

// ZMQ_USE_FD: the application bound and listened already (a systemd
// socket, say); the endpoint it named is not used, the descriptor's own
// address is. libzmq takes any number and fails later; a descriptor that is
// not a socket is refused here (EBADF, ENOTSOCK).
std::unique_ptr<stream_listener> stream_listener::listen_on_given(io_thread& thread, const socket_link& link) {
    socket_address bound;
    bound.length = sizeof bound.storage;
    if (::getsockname(link.transport.use_fd, bound.get(), &bound.length) < 0)
        return nullptr;
    ::fcntl(link.transport.use_fd, F_SETFL, ::fcntl(link.transport.use_fd, F_GETFL) | O_NONBLOCK);
    return std::unique_ptr<stream_listener>(new stream_listener(thread, link, link.transport.use_fd, bound, {}));
}

stream_listener::stream_listener(io_thread& thread, const socket_link& link, int fd, const socket_address& bound,
                                 std::string owned_directory)
    : io_object(thread),
      link_(link),
      fd_(fd),
      ws_path_(ws_path_of(link.endpoint)),
      // As libzmq names a ws listener: "ws://127.0.0.1:41234/path".
      bound_(websocket_scheme(link.endpoint).empty()
                 ? endpoint_of(bound)
                 : ws_endpoint_from_tcp(websocket_scheme(link.endpoint), endpoint_of(bound), ws_path_)),
      // As libzmq: only the file of an "ipc://*" bind is ours to remove; a
      // named path stays (and the next bind takes it over).
      file_(owned_directory.empty() ? std::string() : ipc_file_of(bound)),
      owned_directory_(std::move(owned_directory)) {}

stream_listener::~stream_listener() {
    if (fd_ >= 0)
        ::close(fd_);
}

void stream_listener::start() {
    thread_.loop().add_fd(fd_, this);
    thread_.loop().want_read(fd_, true);
}

void stream_listener::cancel() {
    if (paused_)
        thread_.loop().cancel_timer(this, resume_timer);
    thread_.loop().remove_fd(fd_);
    ::close(fd_);
    fd_ = -1;
    remove_files();
    thread_.retire(this);
}

void stream_listener::remove_files() const {
    if (!file_.empty())
        ::unlink(file_.c_str());
    if (!owned_directory_.empty())
        ::rmdir(owned_directory_.c_str());
}

void stream_listener::on_readable() {
    for (;;) {
        const int fd = ::accept4(fd_, nullptr, nullptr, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            const int error = errno;
            if (error == EAGAIN || error == EWOULDBLOCK || error == EINTR)
                return;
            link_.events->emit(ZMQ_EVENT_ACCEPT_FAILED, static_cast<uint32_t>(error), endpoint_pair::of_bind(bound_));
            if (out_of_resources(error))
                pause_accepting();
            return;
        }
        if (!admits(fd))
            continue;
        // The connection's events name its local address, as libzmq's do
        // ("tcp://127.0.0.1:5555" for a bind to "tcp://*:5555").
        socket_link link = link_;
        link.endpoint = bound_;
        link.accepted = true;
        if (bound_.starts_with("tcp://"))
            link.endpoint = local_endpoint_of(fd);
        else if (const std::string_view scheme = websocket_scheme(bound_); !scheme.empty())
            link.endpoint = ws_endpoint_from_tcp(scheme, local_endpoint_of(fd), ws_path_);
        link.events->emit(ZMQ_EVENT_ACCEPTED, static_cast<uint32_t>(fd), {link.endpoint, remote_endpoint_of(fd), true});
        thread_.adopt(std::make_unique<session>(thread_, link, fd, bound_));
    }
}

bool stream_listener::admits(int fd) {
    if (link_.transport.filters.empty())
        return true;  // no filter to apply: not even the peer's address is needed
    socket_address peer;
    peer.length = sizeof peer.storage;
    const bool admitted = ::getpeername(fd, peer.get(), &peer.length) == 0 &&
                          (peer.is_tcp() ? link_.transport.filters.admits_tcp_peer(peer.get())
                                         : link_.transport.filters.admits_ipc_peer(fd));
    if (!admitted) {
        // As libzmq: closed at once, and reported as a failed accept.
        ::close(fd);
        link_.events->emit(ZMQ_EVENT_ACCEPT_FAILED, static_cast<uint32_t>(EACCES), endpoint_pair::of_bind(bound_));
    }
    return admitted;
}

void stream_listener::pause_accepting() {
    thread_.loop().want_read(fd_, false);
    thread_.loop().add_timer(accept_pause_ms, this, resume_timer);
    paused_ = true;
}

void stream_listener::on_timer(int) {
    paused_ = false;
    thread_.loop().want_read(fd_, true);
}

} // namespace zmx
