// ZMQ_DISH (RFC 48): receives the messages of the groups it joined
// (zmq_join, zmq_leave), fair-queued from its RADIO peers. Each join and
// leave goes to every peer, and a peer attached later gets every group
// joined so far. A message of a group not joined is dropped (a udp RADIO
// sends them all). Thread-safe and single-part; it cannot send.
#include "socket/socket_types.hpp"

#include "base/error.hpp"
#include "io/pipe.hpp"
#include "socket/fair_queue.hpp"

#include <cstring>
#include <set>
#include <string>
#include <vector>

namespace zmx {

namespace {

class dish_socket final : public socket_base {
public:
    explicit dish_socket(context& ctx) : socket_base(ctx, ZMQ_DISH) {
        // As libzmq: a closing DISH does not wait to send its joins.
        options_.linger = 0;
        ready_.init();
    }
    ~dish_socket() override { ready_.close(); }

private:
    void xattach_pipe(pipe* p, bool) override {
        in_.attach(p);
        peers_.push_back(p);
        for (const std::string& group : joined_)
            tell(p, msg::join, group);
    }
    void xpipe_terminated(pipe* p) override {
        in_.terminated(p);
        std::erase(peers_, p);
    }
    void xread_activated(pipe* p) override { in_.activated(p); }

    int xjoin(const char* group) override {
        if (!group || std::strlen(group) > msg::group_max_length || !joined_.insert(group).second)
            return fail(EINVAL);
        tell_all(msg::join, group);
        return 0;
    }
    int xleave(const char* group) override {
        if (!group || std::strlen(group) > msg::group_max_length || joined_.erase(group) == 0)
            return fail(EINVAL);
        tell_all(msg::leave, group);
        return 0;
    }
    void tell_all(msg::flag what, const std::string& group) {
        for (pipe* p : peers_)
            tell(p, what, group);
    }
    // A join or leave for one peer; a peer whose queue is full misses it,
    // as with libzmq.
    static void tell(pipe* p, msg::flag what, const std::string& group) {
        msg m;
        m.init();
        m.set(what);
        if (m.set_group(group.c_str()) < 0 || !p->write(m))
            m.close();
    }

    int xrecv(msg& m) override {
        if (has_ready_) {
            ready_.move_to(m);
            has_ready_ = false;
            return 0;
        }
        return recv_joined(m);
    }
    int recv_joined(msg& m) {
        for (;;) {
            if (in_.recv(m) < 0)
                return -1;
            if (joined_.contains(m.group()))
                return 0;
        }
    }
    bool xhas_in() override {
        // A message of a group not joined must not make the DISH readable:
        // the next matching one is taken now and kept for xrecv.
        if (!has_ready_)
            has_ready_ = recv_joined(ready_) == 0;
        return has_ready_;
    }
    bool xhas_out() override { return true; }  // as libzmq: joins may be made at any time

    fair_queue in_;
    std::vector<pipe*> peers_;
    std::set<std::string, std::less<>> joined_;
    msg ready_;  // a matching message taken by xhas_in
    bool has_ready_ = false;
};

}  // namespace

socket_base* make_dish(context& ctx) { return new dish_socket(ctx); }

} // namespace zmx
