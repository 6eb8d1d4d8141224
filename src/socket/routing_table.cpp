#include "socket/routing_table.hpp"

#include <random>

namespace zmx {

routing_table::routing_table() : next_id_(std::random_device{}()) {}

std::string routing_table::generate_id() {
    const uint32_t n = next_id_++;
    const char id[5] = {0, char(n >> 24), char(n >> 16), char(n >> 8), char(n)};
    return std::string(id, sizeof id);
}

bool routing_table::add(const std::string& id, pipe* p) {
    if (!by_id_.emplace(id, p).second)
        return false;
    id_of_[p] = id;
    return true;
}

bool routing_table::remove(pipe* p) {
    auto it = id_of_.find(p);
    if (it == id_of_.end())
        return false;
    by_id_.erase(it->second);
    id_of_.erase(it);
    return true;
}

pipe* routing_table::find(std::string_view id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : it->second;
}

const std::string* routing_table::id_of(pipe* p) const {
    auto it = id_of_.find(p);
    return it == id_of_.end() ? nullptr : &it->second;
}

} // namespace zmx
