// The other ipc address forms between zmx and libzmq, each side binding in
// turn: an abstract name (ipc://@name, no file) and the wildcard (ipc://*:
// the binder makes a directory under TMPDIR, reports the path as its last
// endpoint, and removes both when it closes). Plain filesystem paths run in
// every other interop suite.
#include "interop_fixture.hpp"

#include <stdlib.h>

#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace {

using interop::transport;

struct address_case {
    transport via;
    bool zmx_binds;
};

void PrintTo(const address_case& c, std::ostream* out) {
    *out << (c.zmx_binds ? "zmx binds" : "libzmq binds");
}

std::string case_name(const ::testing::TestParamInfo<address_case>& info) {
    return std::string(interop::transport_name(info.param.via)) +
           (info.param.zmx_binds ? "_ZmxBinds" : "_LibzmqBinds");
}

// Points TMPDIR somewhere else for as long as it lives, then restores it.
class tmpdir_override {
public:
    explicit tmpdir_override(const std::string& directory) {
        if (const char* old = getenv("TMPDIR"))
            previous_ = old;
        had_one_ = getenv("TMPDIR") != nullptr;
        setenv("TMPDIR", directory.c_str(), 1);
    }
    ~tmpdir_override() {
        if (had_one_)
            setenv("TMPDIR", previous_.c_str(), 1);
        else
            unsetenv("TMPDIR");
    }
    tmpdir_override(const tmpdir_override&) = delete;
    tmpdir_override& operator=(const tmpdir_override&) = delete;

private:
    std::string previous_;
    bool had_one_ = false;
};

class IpcAddresses : public ::testing::TestWithParam<address_case> {
protected:
    static void SetUpTestSuite() { interop::expect_zmx_library(); }
};

TEST_P(IpcAddresses, RequestReply) {
    const auto& c = GetParam();
    interop::endpoint_place place(c.via);
    // Our ipc://* binds land in the test's directory too. Set before our
    // context exists, so no I/O thread of ours reads the environment meanwhile.
    std::string met_at;
    {
        std::optional<tmpdir_override> ours;
        if (c.via == transport::ipc_wildcard)
            ours.emplace(place.directory());
        zt::context ctx;
        zt::socket s(ctx, ZMQ_REQ);
        auto peer = interop::meet(s, place, c.zmx_binds, "echo", "REP", {}, &met_at);
        if (!peer)
            return;
        for (const char* text : {"ping", "STOP"}) {
            zt::send_str(s, text);
            EXPECT_EQ(zt::recv_str(s), text);
        }
        EXPECT_EQ(peer->wait(), 0);
    }
    if (c.via == transport::ipc_abstract) {
        EXPECT_EQ(met_at, place.bind_address());
    } else {
        const std::string prefix = "ipc://" + place.directory() + "/";
        ASSERT_EQ(met_at.rfind(prefix, 0), 0u) << met_at;
        if (c.zmx_binds) {
            // Our socket is closed and our context ended: what the wildcard
            // made is gone.
            const std::filesystem::path file = met_at.substr(6);
            EXPECT_FALSE(std::filesystem::exists(file)) << file;
            EXPECT_FALSE(std::filesystem::exists(file.parent_path())) << file.parent_path();
        }
    }
}

INSTANTIATE_TEST_SUITE_P(interop, IpcAddresses,
                         ::testing::Values(address_case{transport::ipc_abstract, true},
                                           address_case{transport::ipc_abstract, false},
                                           address_case{transport::ipc_wildcard, true},
                                           address_case{transport::ipc_wildcard, false}),
                         case_name);

}  // namespace
