// The two ends of a connection or listener as monitor events name them
// ("tcp://127.0.0.1:5555" and "tcp://127.0.0.1:41234", "ipc:///tmp/x"):
// the version 2 monitor reports both, version 1 only the one identifying
// the connection from our side. Either may be empty (a listener has no
// remote end, a connect in progress no local one yet).
#pragma once

#include <string>
#include <utility>

namespace zmx {

struct endpoint_pair {
    std::string local;
    std::string remote;
    bool bound = false;  // the bind side: version 1 names `local`, else `remote`

    static endpoint_pair of_bind(std::string local) { return {std::move(local), {}, true}; }
    static endpoint_pair of_connect(std::string remote) { return {{}, std::move(remote), false}; }
    // The single endpoint a version 1 event carries.
    const std::string& identifier() const { return bound ? local : remote; }
};

} // namespace zmx
