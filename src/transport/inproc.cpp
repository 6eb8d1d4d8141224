#include "transport/inproc.hpp"

#include "base/error.hpp"

#include <iterator>

namespace zmx {

namespace {

// Capacity of the queue from a sender to a receiver.
int queue_capacity(int sender_sndhwm, int receiver_rcvhwm) {
    return sender_sndhwm && receiver_rcvhwm ? sender_sndhwm + receiver_rcvhwm : 0;
}

// Side 0 is the connector's, side 1 the binder's.
void size_queues(pipe_pair& link, const inproc_peer& connector, const inproc_peer& binder) {
    link.end(0).set_hwms(queue_capacity(connector.sndhwm, binder.rcvhwm),
                         queue_capacity(binder.sndhwm, connector.rcvhwm));
    link.end(0).remember_peer_hwms(binder.sndhwm, binder.rcvhwm);
    link.end(1).remember_peer_hwms(connector.sndhwm, connector.rcvhwm);
}

}  // namespace

int inproc_registry::bind(const std::string& name, const inproc_peer& binder,
                          std::vector<std::shared_ptr<pipe>>& waiting) {
    std::lock_guard lock(mutex_);
    if (!bound_.emplace(name, binding{binder}).second)
        return fail(EADDRINUSE);
    auto [first, last] = waiting_.equal_range(name);
    for (auto it = first; it != last; ++it) {
        pipe_pair& link = *it->second.link;
        size_queues(link, it->second.connector, binder);
        link.set_mailbox(1, binder.mailbox);
        link.end(1).set_greeting(binder.hello);
        // The connector's end is in use by its socket now: no farewell is
        // set there (libzmq sets one; a connect before the bind hears none).
        waiting.push_back(link.end(1).self());
    }
    waiting_.erase(first, last);
    return 0;
}

int inproc_registry::unbind(const std::string& name, const command_mailbox* owner) {
    std::lock_guard lock(mutex_);
    auto it = bound_.find(name);
    if (it == bound_.end() || it->second.peer.mailbox.get() != owner)
        return fail(ENOENT);
    bound_.erase(it);
    return 0;
}

void inproc_registry::unbind_all(const command_mailbox* owner) {
    std::lock_guard lock(mutex_);
    std::erase_if(bound_, [owner](const auto& entry) { return entry.second.peer.mailbox.get() == owner; });
}

// A connector that closed before anyone bound leaves its connection
// waiting while it holds messages (libzmq delivers them to the binder);
// one that holds nothing more is dropped, so that connecting and closing
// in a loop does not pile connections up. Under mutex_: the binder's end
// has no reader yet, so looking at its queue here is safe.
void inproc_registry::drop_abandoned(const std::string& name) {
    auto [first, last] = waiting_.equal_range(name);
    for (auto w = first; w != last;) {
        pipe& binder_end = w->second.link->end(1);
        w = binder_end.peer_closed() && binder_end.at_delimiter() ? waiting_.erase(w) : std::next(w);
    }
}

std::shared_ptr<pipe> inproc_registry::connect(const std::string& name, const inproc_peer& connector) {
    return connect(name, connector, true);
}

std::shared_ptr<pipe> inproc_registry::connect_if_bound(const std::string& name, const inproc_peer& connector) {
    return connect(name, connector, false);
}

std::shared_ptr<pipe> inproc_registry::connect(const std::string& name, const inproc_peer& connector,
                                               bool wait_for_binder) {
    auto link = pipe_pair::create();
    if (connector.conflate)
        link->end(0).set_conflate();
    link->set_mailbox(0, connector.mailbox);
    std::shared_ptr<command_mailbox> binder_mailbox;
    {
        std::lock_guard lock(mutex_);
        auto it = bound_.find(name);
        if (it == bound_.end()) {
            if (!wait_for_binder)
                return nullptr;
            drop_abandoned(name);
            link->end(0).set_hwms(connector.sndhwm, connector.rcvhwm);
            link->end(0).set_greeting(connector.hello);
            waiting_.emplace(name, waiting_connection{link, connector});
            return link->end(0).self();
        }
        size_queues(*link, connector, it->second.peer);
        binder_mailbox = it->second.peer.mailbox;
        link->set_mailbox(1, binder_mailbox);
        // Neither socket has its end yet: this thread may set up both. The
        // binder's end is announced here, its hello with it, so that the
        // connector reads that hello even if the binder never calls into
        // the library again (libzmq's connector writes it too).
        link->end(0).set_greeting(connector.hello);
        link->end(1).set_greeting(it->second.peer.hello);
        link->end(1).announce_routing_id(it->second.peer.routing_id);
        link->end(0).set_farewell(it->second.peer.disconnect);
    }
    command attach{command::kind::attach, link->end(1).self()};
    if (!binder_mailbox->post(attach)) {
        // The binder closed meanwhile: its end is terminated on its behalf,
        // which our side then sees as a peer that left.
        link->end(1).terminate();
    }
    return link->end(0).self();
}

} // namespace zmx
