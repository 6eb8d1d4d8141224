// ZMX_LB_CONSISTENT_HASH: each pipe owns many points on a 32-bit ring,
// placed by hashing its name; a key goes to the owner of the first point at
// or after the key's hash. A pipe joining takes about 1/n of the keys, each
// from the pipe that had it; a pipe leaving gives its keys to the others.
// Names, not pipes, place the points: a peer that reconnects gets its keys
// back.
//
// Threading: the owning socket's thread.
#pragma once

#include "socket/lb_strategy.hpp"

#include <utility>
#include <vector>

namespace zmx {

class consistent_hash_ring final : public lb_strategy {
public:
    // Enough points that each of a handful of peers owns close to its share.
    static constexpr int points_per_pipe = 160;

    void attach(pipe* p, std::string_view name) override;
    void terminated(pipe* p) override;
    pipe* choose(uint32_t key_hash) override;

private:
    std::vector<std::pair<uint32_t, pipe*>> ring_;  // sorted by point
};

} // namespace zmx
