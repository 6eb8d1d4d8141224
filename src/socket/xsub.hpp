// ZMQ_XSUB: receives what its publishers send that matches its
// subscriptions, and sends subscriptions (\x01topic, \x00topic) and any
// other message upstream to every publisher. SUB builds on it.
#pragma once

#include "socket/distributor.hpp"
#include "socket/fair_queue.hpp"
#include "socket/prefix_table.hpp"
#include "socket/socket_base.hpp"

namespace zmx {

class xsub_socket : public socket_base {
public:
    xsub_socket(context& ctx, int type);
    ~xsub_socket() override;

protected:
    void xattach_pipe(pipe* p, bool locally_initiated) override;
    void xpipe_terminated(pipe* p) override;
    void xread_activated(pipe* p) override { in_.activated(p); }
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override;
    bool xhas_out() override { return true; }
    int xsetsockopt(int option, const void* value, size_t size) override;

private:
    bool matches(const msg& m);
    // One unsubscription from topic: true when it was the last.
    bool forget(std::string_view topic);
    // Takes the next message whose first frame matches into prefetched_.
    bool prefetch();

    fair_queue in_;
    distributor out_;
    prefix_table<int> subscriptions_;  // topic -> how many times subscribed
    msg prefetched_;
    bool has_prefetched_ = false;
    bool more_in_ = false;
    bool more_out_ = false;
    bool later_parts_may_subscribe_ = false;  // of the message being sent
    bool only_first_subscribe_ = false;       // ZMQ_ONLY_FIRST_SUBSCRIBE
};

} // namespace zmx
