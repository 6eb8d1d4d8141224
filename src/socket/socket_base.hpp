// What every socket type shares: options, endpoints (socket_endpoints.cpp),
// the pipes to its peers, command processing, and blocking send/recv with
// timeouts.
//
// A socket type derives from socket_base and implements the x* hooks with
// the routing strategies (load_balancer, fair_queue, distributor, ...).
//
// Threading: a classic socket is used by one application thread at a time;
// every member is for that thread, except stop() (any thread, through the
// mailbox). A thread-safe socket (CLIENT, SERVER, ...) may be called from
// any number of threads at once: each public call holds its mutex, and a
// call that blocks lets go of it while it waits. Peers reach the socket
// only through its mailbox.
#pragma once

#include "base/msg.hpp"
#include "io/command.hpp"
#include "socket/options.hpp"
#include "socket/socket_counters.hpp"
#include "transport/inproc.hpp"
#include "transport/socket_link.hpp"
#include "io/pipe.hpp"

#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

struct zmx_socket_stats;
struct zmx_peer_stats;

namespace zmx {

class context;
class socket_monitor;
class io_thread;
class load_balancer;
struct endpoint_uri;

class socket_base : public pipe_owner {
public:
    socket_base(context& ctx, int type);
    virtual ~socket_base();
    socket_base(const socket_base&) = delete;
    socket_base& operator=(const socket_base&) = delete;

    int setsockopt(int option, const void* value, size_t size);
    int getsockopt(int option, void* value, size_t* size);
    int bind(const char* endpoint);
    int connect(const char* endpoint);
    int unbind(const char* endpoint);
    int disconnect(const char* endpoint);
    int send(msg& m, int flags);
    int recv(msg& m, int flags);
    // Terminates every pipe and leaves the context; the object may then be
    // deleted. Threads blocked in a thread-safe socket's calls return first.
    void close();
    // zmq_socket_monitor(_versioned): starts (replacing any monitor) or,
    // with a null address, stops publishing this socket's events.
    int monitor(const char* address, uint64_t events, int version, int type);
    // zmq_socket_monitor_pipes_stats: one PIPES_STATS event per pipe; -1
    // with EINVAL when the monitor does not ask for them, EAGAIN without
    // pipes.
    int publish_pipe_stats();

    // zmx_socket_stats: every field of the library's struct (socket_stats.cpp).
    int stats(struct zmx_socket_stats& out);
    // zmx_peer_stats: the number of peers, and the index-th one's figures
    // in out when there is one; -1 with errno (ETERM, ENOTSOCK).
    int peer_stats(size_t index, struct zmx_peer_stats& out);

    // zmq_join / zmq_leave: a DISH's groups. -1 with EINVAL for a group
    // too long, joined twice or left unjoined; ENOTSUP for other types.
    int join(const char* group);
    int leave(const char* group);

    // zmq_connect_peer: the routing id of the peer a connect reaches, or
    // 0 with errno (ENOTSUP: only a PEER has one).
    virtual uint32_t connect_peer(const char* endpoint);

    // zmq_socket_get_peer_state: ZMQ_POLLOUT when the peer with this
    // routing id is below its high-water mark, else 0; -1 with ENOTSUP on
    // a type without routing ids (only ROUTER and REP have them here).
    virtual int peer_state(std::string_view routing_id);

    // Any thread: the context is terminating.
    void stop();

    // The inproc transport hands over a new pipe (owner thread).
    void attach_pipe(std::shared_ptr<pipe> p, const std::string& endpoint, bool locally_initiated);
    const options& opts() const { return options_; }
    // The load balancer of a type that has one (DEALER, PUSH, REQ), for
    // zmx's C extensions; null for the others.
    virtual load_balancer* balancer() { return nullptr; }
    context& context_of() { return ctx_; }
    const std::shared_ptr<command_mailbox>& mailbox() const { return mailbox_; }

protected:
    // --- hooks for socket types, all on the owner thread ---
    // A pipe joined; locally_initiated when we connected.
    virtual void xattach_pipe(pipe* p, bool locally_initiated) = 0;
    // A pipe left: drop every reference to it.
    virtual void xpipe_terminated(pipe* p) = 0;
    virtual void xread_activated(pipe* p);
    virtual void xwrite_activated(pipe* p);
    // 0, or -1 with errno (EAGAIN when it would block). On success the
    // socket type has taken the message and left m empty.
    virtual int xsend(msg& m);
    // 0 with a frame in m (whose previous body was released), or -1.
    virtual int xrecv(msg& m);
    virtual bool xhas_in();
    virtual bool xhas_out();
    virtual int xjoin(const char* group);
    virtual int xleave(const char* group);
    // Socket-type options: -1 with EINVAL when unknown.
    virtual int xsetsockopt(int option, const void* value, size_t size);
    virtual int xgetsockopt(int option, void* value, size_t* size);

    // Refuses a pipe (a second PAIR peer, a duplicate routing id): it is
    // terminated once the current call is done.
    void reject_pipe(pipe* p) { delimited_.push_back(p); }
    // Closes the raw connection behind p (STREAM, ROUTER_RAW: empty data
    // sent to it) once what was sent before is written, as libzmq does;
    // the caller has forgotten p.
    void close_raw_connection(pipe* p);

    // For the types that drop: ROUTER, and the distributor's PUB, XPUB
    // and RADIO.
    drop_tracker& hwm_drops() { return counters_.hwm_drops; }
    void count_unroutable() { ++counters_.unroutable; }

    // A thread-safe socket's lock for the length of a call (none for a
    // classic socket).
    std::unique_lock<std::mutex> enter();
    // zmq_connect with the call's lock held.
    int connect_endpoint(const char* endpoint);

    options options_;
    context& ctx_;

private:
    // Waits up to timeout_ms for commands and runs them: 0, or -1 with
    // ETERM (the context is terminating), ENOTSOCK (another thread closed
    // a thread-safe socket) or EINTR.
    // what says how long the wait may spin (mailbox.hpp).
    int process_commands(int timeout_ms, awaited what = awaited::stream);
    // Why a call is refused now: ENOTSOCK once closed (a thread-safe
    // socket's call that came in late), ETERM once the context is
    // terminating; else 0.
    int refusal() const;
    // 0 once commands may have come (or the time is up), -1 on EINTR.
    int wait_for_commands(int timeout_ms, awaited what);
    // xrecv, for a thread-safe type skipping multipart messages.
    int receive_one(msg& m);
    // A send or receive succeeded: 0.
    int done();
    // A send succeeded: done(), noted for the next receive's wait.
    int sent();
    void run(command& c);
    void pipe_delimited(pipe* p) override;
    void reap_delimited();
    std::vector<std::shared_ptr<pipe>>::iterator find_pipe(const pipe* p);
    void remove_pipe(pipe* p);
    int events();
    int term_endpoint(const char* uri);
    int begin_endpoint_call(const char* uri, endpoint_uri& ep);
    int bind_stream(const char* uri, const endpoint_uri& ep);
    int connect_stream(const char* uri, const endpoint_uri& ep);
    // udp: a DISH or DGRAM binds, a RADIO connects; either way one session
    // with its pipe from the start.
    int open_udp(const char* uri, const endpoint_uri& ep, bool binding);
    socket_link link_for(const std::string& endpoint) const;
    // What the socket's tcp and ipc connections speak.
    engine_kind connection_engine() const;
    void close_listener(size_t index);
    // The index of the listener bound to endpoint, or listeners_.size().
    size_t find_listener(const std::string& endpoint) const;
    // Removes the pipes made through uri: true if there were any.
    bool remove_pipes_named(const std::string& uri);
    // Stops the tcp/ipc connects made to uri: true if there were any.
    bool cancel_connects(const std::string& uri);
    inproc_peer inproc_self() const;
    // A STREAM socket on a ws:// endpoint (ENOCOMPATPROTO).
    bool speaks_raw_over_ws(const endpoint_uri& ep) const;
    // ZMQ_CONFLATE is set and this type honours it.
    bool conflates() const;

    std::shared_ptr<command_mailbox> mailbox_;
    std::vector<std::shared_ptr<pipe>> pipes_;
    std::vector<pipe*> delimited_;
    std::vector<command> commands_;  // reused batch buffer
    // A listener or a connecting session on an I/O thread.
    struct started_on_io_thread {
        std::string endpoint;  // listener: as LAST_ENDPOINT gave it; session: as connected
        io_thread* thread;
        uint64_t object;  // its io_object id there
        int fd;           // listener: for the CLOSED event
    };
    std::vector<started_on_io_thread> listeners_;
    std::vector<started_on_io_thread> connects_;
    std::shared_ptr<socket_monitor> monitor_;
    socket_counters counters_;  // after monitor_, which it reports to
    bool stopped_ = false;
    bool rcvmore_ = false;
    // A message went out since the last one came in: a receive now waits
    // for an answer (awaited::answer), not for the next of a stream.
    bool sent_since_received_ = false;
    // Thread-safe sockets only: the mailbox's signaler, the lock of every
    // call, and the threads blocked in one.
    condvar_signaler* shared_wake_ = nullptr;
    std::mutex sync_;
    int waiting_ = 0;
    bool closing_ = false;  // closed: close() waits for the blocked threads to leave
    std::condition_variable all_left_;
};

} // namespace zmx
