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

    explicit metadata(properties props) : props_(std::move(props)) {}

    // nullptr when the property is absent. Lookup is case-sensitive, as libzmq's.
    const char* get(const std::string& name) const {
        auto it = props_.find(name);
        return it == props_.end() ? nullptr : it->second.c_str();
    }

    void add_ref() { refs_.fetch_add(1, std::memory_order_relaxed); }
    void release() {
        if (refs_.fetch_sub(1, std::memory_order_acq_rel) == 1)
            delete this;
    }

private:
    ~metadata() = default;
    const properties props_;
    std::atomic<int> refs_{1};
};

} // namespace zmx
