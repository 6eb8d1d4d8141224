// Connection properties attached to received messages (zmq_msg_gets):
// immutable once built, shared by every message of a connection.
#pragma once

#include <atomic>
#include <map>
#include <string>

namespace zmx {

class metadata {
public:
    using properties = std::map<std::string, std::string>;

    // source_fd is the descriptor the messages arrive on (ZMQ_SRCFD).
    explicit metadata(properties props, int source_fd = -1) : props_(std::move(props)), source_fd_(source_fd) {}

    // nullptr when the property is absent. Lookup is case-sensitive, as
    // libzmq's; "Routing-Id" also finds the peer's "Identity".
    const char* get(const std::string& name) const {
        auto it = props_.find(name);
        if (it == props_.end() && name == "Routing-Id")
            it = props_.find("Identity");
        return it == props_.end() ? nullptr : it->second.c_str();
    }
    int source_fd() const { return source_fd_; }

    void add_ref(int count = 1) { refs_.fetch_add(count, std::memory_order_relaxed); }
    void release(int count = 1) {
        if (refs_.fetch_sub(count, std::memory_order_acq_rel) == count)
            delete this;
    }

private:
    ~metadata() = default;
    const properties props_;
    const int source_fd_;
    std::atomic<int> refs_{1};
};

} // namespace zmx
