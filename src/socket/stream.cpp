#include "socket/stream.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/fair_queue.hpp"
#include "socket/routing_table.hpp"

#include <zmq.h>

#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace zmx {

namespace {

class stream_socket final : public socket_base {
public:
    explicit stream_socket(context& ctx) : socket_base(ctx, ZMQ_STREAM) { prefetched_.init(); }
    ~stream_socket() override { prefetched_.close(); }

protected:
    void xattach_pipe(pipe* p, bool locally_initiated) override;
    void xpipe_terminated(pipe* p) override;
    void xread_activated(pipe* p) override { in_.activated(p); }
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override { return prefetch(); }
    bool xhas_out() override { return true; }  // as libzmq's: POLLOUT whatever the pipes
    int xsetsockopt(int option, const void* value, size_t size) override;

private:
    std::string routing_id_for(pipe* p, bool locally_initiated);
    void forget(pipe* p);
    // The application closed the connection behind p (empty data).
    void close_connection(pipe* p);
    // Reads the next message worth delivering into prefetched_, unless one
    // is there already: false (errno EAGAIN) when there is none.
    bool prefetch();

    fair_queue in_;
    routing_table ids_;
    std::unordered_set<pipe*> quiet_;  // pipes joined with STREAM_NOTIFY off
    bool notify_ = true;

    pipe* sending_to_ = nullptr;
    bool data_next_ = false;  // a routing id frame was sent: the next frame is data

    msg prefetched_;              // the data of the message being received
    std::string prefetched_id_;   // and the routing id it came from
    bool has_prefetched_ = false;
    bool id_delivered_ = false;
};

std::string stream_socket::routing_id_for(pipe* p, bool locally_initiated) {
    // At attach, a pipe knows its peer's id only when zmq_connect preset it
    // from ZMQ_CONNECT_ROUTING_ID.
    if (locally_initiated && p->identified())
        return p->peer_routing_id();
    // A peer's own routing id is never used: a raw peer has none. The
    // made-up one becomes ours, as libzmq has it (zmq_connect, then
    // ZMQ_ROUTING_ID, names the peer).
    options_.routing_id = ids_.generate_id();
    return options_.routing_id;
}

void stream_socket::xattach_pipe(pipe* p, bool locally_initiated) {
    // A CONNECT_ROUTING_ID already in use: libzmq asserts; the connection is refused here.
    if (!ids_.add(routing_id_for(p, locally_initiated), p)) {
        reject_pipe(p);
        return;
    }
    if (!notify_)
        quiet_.insert(p);
    in_.attach(p);
}

void stream_socket::forget(pipe* p) {
    if (ids_.remove(p))
        in_.terminated(p);
    quiet_.erase(p);
    if (sending_to_ == p)
        sending_to_ = nullptr;
}

void stream_socket::xpipe_terminated(pipe* p) { forget(p); }

void stream_socket::close_connection(pipe* p) {
    forget(p);  // its routing id is unknown from now on
    close_raw_connection(p);
}

int stream_socket::xsend(msg& m) {
    if (!data_next_) {
        // The routing id frame. Without ZMQ_SNDMORE it is dropped, and
        // still the next frame counts as data (libzmq's behaviour).
        if (m.has(msg::more)) {
            pipe* to = ids_.find(std::string_view(static_cast<const char*>(m.data()), m.size()));
            if (!to || to->peer_closed())
                return fail(EHOSTUNREACH);
            if (!to->check_write())
                return fail(EAGAIN);
            sending_to_ = to;
        }
        data_next_ = true;
        m.close();
        return 0;
    }
    data_next_ = false;
    pipe* to = std::exchange(sending_to_, nullptr);
    m.clear(msg::more);  // ignored on data: the frame after it names a peer again
    if (to && m.size() == 0)
        close_connection(to);
    else if (to && to->write(m))
        return 0;
    m.close();
    return 0;
}

bool stream_socket::prefetch() {
    if (has_prefetched_)
        return true;
    pipe* from = nullptr;
    while (in_.recv(prefetched_, &from) == 0) {
        // An inproc peer's multipart message arrives frame by frame.
        prefetched_.clear(msg::more);
        if (prefetched_.size() == 0 && quiet_.count(from))
            continue;  // a notification nobody asked for
        prefetched_id_ = *ids_.id_of(from);
        has_prefetched_ = true;
        id_delivered_ = false;
        return true;
    }
    return false;
}

int stream_socket::xrecv(msg& m) {
    if (!prefetch())
        return -1;
    if (!id_delivered_) {
        if (m.init_copy_of(prefetched_id_.data(), prefetched_id_.size()) < 0)
            return -1;
        m.set_properties(prefetched_.properties());  // libzmq gives the id frame the metadata too
        m.set(msg::more);
        id_delivered_ = true;
        return 0;
    }
    prefetched_.move_to(m);
    has_prefetched_ = false;
    return 0;
}

int stream_socket::xsetsockopt(int option, const void* value, size_t size) {
    if (option == ZMQ_STREAM_NOTIFY)
        return option_value::get_bool(value, size, notify_);
    return socket_base::xsetsockopt(option, value, size);
}

}  // namespace

socket_base* make_stream(context& ctx) { return new stream_socket(ctx); }

} // namespace zmx
