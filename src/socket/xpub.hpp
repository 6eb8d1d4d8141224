// ZMQ_XPUB: PUB's fan-out by subscription, and the subscriptions themselves
// (\x01topic, \x00topic) delivered to the application, duplicates filtered
// unless XPUB_VERBOSE/VERBOSER. PUB builds on it.
#pragma once

#include "base/msg.hpp"
#include "socket/distributor.hpp"
#include "socket/prefix_table.hpp"
#include "socket/socket_base.hpp"

#include <deque>
#include <string>
#include <utility>
#include <vector>

namespace zmx {

class xpub_socket : public socket_base {
public:
    xpub_socket(context& ctx, int type);
    ~xpub_socket() override;

protected:
    void xattach_pipe(pipe* p, bool locally_initiated) override;
    void xpipe_terminated(pipe* p) override;
    void xread_activated(pipe* p) override;
    int xsend(msg& m) override;
    int xrecv(msg& m) override;
    bool xhas_in() override;
    bool xhas_out() override;
    int xsetsockopt(int option, const void* value, size_t size) override;

private:
    // Reads everything a subscriber sent: subscriptions and, for XPUB, data.
    void drain(pipe* p);
    // One part: a (un)subscription if it looks like one and may_subscribe
    // (what it returns), else data for the application.
    bool process(pipe* p, msg& m, bool may_subscribe);
    void queue_for_app(const void* data, size_t size, pipe* from, bool more = false);
    using topic_table = prefix_table<std::vector<pipe*>>;
    // Adds p to topic's pipes: true when it is the topic's first.
    static bool subscribe(topic_table& table, pipe* p, std::string_view topic);
    // Removes p from topic's pipes: true when p was the last.
    static bool unsubscribe(topic_table& table, pipe* p, std::string_view topic);
    // Removes p from every topic: the topics it was in, and whether p was
    // their last pipe.
    static std::vector<std::pair<std::string, bool>> unsubscribe_all(topic_table& table, pipe* p);
    void choose_targets(const msg& m);

    distributor out_;
    topic_table subscriptions_;
    // XPUB_MANUAL: what each subscriber asked for (and did not cancel),
    // whatever the application made of it: when a subscriber leaves, the
    // application hears an unsubscription for each of these topics.
    topic_table requested_;
    std::vector<pipe*> chosen_;
    std::deque<msg> pending_;          // messages waiting for xrecv
    std::deque<pipe*> pending_from_;   // their senders (XPUB_MANUAL)
    pipe* last_subscriber_ = nullptr;  // whose request XPUB_MANUAL answers
    bool send_to_last_subscriber_ = false;  // XPUB_MANUAL_LAST_VALUE
    bool more_out_ = false;
    bool verbose_subs_ = false;
    bool verbose_unsubs_ = false;
    bool manual_ = false;
    bool lossy_ = true;
    bool only_first_subscribe_ = false;  // ZMQ_ONLY_FIRST_SUBSCRIBE
    bool has_welcome_ = false;
    std::string welcome_;
};

} // namespace zmx
