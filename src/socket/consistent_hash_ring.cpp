#include "socket/consistent_hash_ring.hpp"

#include "io/pipe.hpp"
#include "socket/key_hash.hpp"

#include <algorithm>
#include <string>

namespace zmx {

void consistent_hash_ring::attach(pipe* p, std::string_view name) {
    std::string point_name(name);
    point_name += '#';
    const size_t stem = point_name.size();
    for (int i = 0; i < points_per_pipe; ++i) {
        point_name.resize(stem);
        point_name += std::to_string(i);
        ring_.emplace_back(key_hash(point_name.data(), point_name.size()), p);
    }
    std::sort(ring_.begin(), ring_.end());
}

void consistent_hash_ring::terminated(pipe* p) {
    std::erase_if(ring_, [p](const auto& point) { return point.second == p; });
}

pipe* consistent_hash_ring::choose(uint32_t key_hash) {
    if (ring_.empty())
        return nullptr;
    auto it = std::lower_bound(ring_.begin(), ring_.end(), std::make_pair(key_hash, static_cast<pipe*>(nullptr)));
    if (it == ring_.end())
        it = ring_.begin();  // past the last point: the ring wraps
    pipe* p = it->second;
    return p->check_write() ? p : nullptr;
}

} // namespace zmx
