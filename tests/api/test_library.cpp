// Library-wide calls: zmq_version, zmq_errno, zmq_strerror and zmq_has.
#include "zmq_test.hpp"

#include <cstring>
#include <string>

namespace {

TEST(Library, VersionIs4_3_4) {
    int major = -1, minor = -1, patch = -1;
    zmq_version(&major, &minor, &patch);
    EXPECT_EQ(major, 4);
    EXPECT_EQ(minor, 3);
    EXPECT_EQ(patch, 4);
    EXPECT_EQ(ZMQ_MAKE_VERSION(major, minor, patch), ZMQ_VERSION);
}

TEST(Library, ErrnoReadsTheCallingThreadsErrno) {
    errno = EAGAIN;
    EXPECT_EQ(zmq_errno(), EAGAIN);
    errno = 0;
    EXPECT_EQ(zmq_errno(), 0);
}

TEST(Library, ZeromqErrorNumbers) {
    EXPECT_EQ(ZMQ_HAUSNUMERO, 156384712);
    EXPECT_EQ(EFSM, ZMQ_HAUSNUMERO + 51);
    EXPECT_EQ(ENOCOMPATPROTO, ZMQ_HAUSNUMERO + 52);
    EXPECT_EQ(ETERM, ZMQ_HAUSNUMERO + 53);
    EXPECT_EQ(EMTHREAD, ZMQ_HAUSNUMERO + 54);
    EXPECT_EQ(ETERM, 156384765);
}

TEST(Library, StrerrorOfZeromqErrors) {
    EXPECT_STREQ(zmq_strerror(EFSM), "Operation cannot be accomplished in current state");
    EXPECT_STREQ(zmq_strerror(ENOCOMPATPROTO), "The protocol is not compatible with the socket type");
    EXPECT_STREQ(zmq_strerror(ETERM), "Context was terminated");
    EXPECT_STREQ(zmq_strerror(EMTHREAD), "No thread available");
}

// System errors read as strerror's text, except EHOSTUNREACH, for which
// libzmq has its own wording.
TEST(Library, StrerrorOfSystemErrors) {
    for (int err = 1; err < 134; ++err) {
        if (err == EHOSTUNREACH)
            continue;
        const std::string expected = std::strerror(err);
        EXPECT_EQ(std::string(zmq_strerror(err)), expected) << err;
    }
    EXPECT_STREQ(zmq_strerror(EHOSTUNREACH), "Host unreachable");
}

TEST(Library, HasReportsIpc) { EXPECT_EQ(zmq_has("ipc"), 1); }

TEST(Library, HasReportsCurve) { EXPECT_EQ(zmq_has("curve"), 1); }

TEST(Library, HasReportsCapabilities) {
    EXPECT_EQ(zmq_has("no-such-capability"), 0);
    EXPECT_EQ(zmq_has(""), 0);
    // tcp and inproc are always there and are not capabilities.
    EXPECT_EQ(zmq_has("tcp"), 0);
    EXPECT_EQ(zmq_has("inproc"), 0);
}

} // namespace
