// ipc specifics: filesystem paths, abstract "@names", "ipc://*", binding a
// name twice, the length limit, and what happens to the socket file after
// unbind and close. Checked against libzmq 4.3.4.
#include "endpoints.hpp"
#include "monitor_events.hpp"

#include <unistd.h>

#include <cerrno>
#include <string>

namespace {

void expect_round_trip(void* ctx, void* pull, const std::string& endpoint) {
    zt::socket push(ctx, ZMQ_PUSH);
    zt::connect(push, endpoint.c_str());
    zt::send_str(push, endpoint);
    EXPECT_EQ(zt::recv_str(pull), endpoint);
}

// A filesystem path of exactly `length` characters.
std::string path_of_length(size_t length) {
    std::string path = tt::unique_ipc_path("len") + "-";
    path.resize(length, 'p');
    unlink(path.c_str());
    return path;
}

TEST(IpcPaths, FilesystemPath) {
    zt::context ctx;
    const std::string path = tt::unique_ipc_path("fs");
    const std::string endpoint = "ipc://" + path;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    EXPECT_EQ(tt::last_endpoint(pull), endpoint);
    EXPECT_TRUE(tt::is_socket_file(path));
    expect_round_trip(ctx, pull, endpoint);
    unlink(path.c_str());
}

TEST(IpcPaths, AbstractNameMakesNoFile) {
    zt::context ctx;
    const std::string name = tt::unique_abstract_name("abstract");
    const std::string endpoint = "ipc://" + name;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, endpoint.c_str());
    EXPECT_EQ(tt::last_endpoint(pull), endpoint);
    EXPECT_FALSE(tt::path_exists(name));
    expect_round_trip(ctx, pull, endpoint);
}

TEST(IpcPaths, WildcardGivesARealPathEachTime) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    zt::bind(pull, "ipc://*");
    const std::string first = tt::last_endpoint(pull);
    zt::bind(pull, "ipc://*");
    const std::string second = tt::last_endpoint(pull);
    EXPECT_NE(first, second);
    for (const std::string& endpoint : {first, second}) {
        ASSERT_EQ(endpoint.rfind("ipc://", 0), 0u) << endpoint;
        EXPECT_TRUE(tt::is_socket_file(tt::ipc_path(endpoint))) << endpoint;
        expect_round_trip(ctx, pull, endpoint);
    }
}

// libzmq replaces the file: the second bind succeeds and new connections
// reach the second socket.
TEST(IpcPaths, SecondBindOfAPathTakesItOver) {
    zt::context ctx;
    const std::string path = tt::unique_ipc_path("twice");
    const std::string endpoint = "ipc://" + path;
    zt::socket first(ctx, ZMQ_PULL);
    zt::bind(first, endpoint.c_str());
    zt::socket second(ctx, ZMQ_PULL);
    zt::bind(second, endpoint.c_str());
    expect_round_trip(ctx, second, endpoint);
    unlink(path.c_str());
}

TEST(IpcPaths, SecondBindOfAnAbstractNameIsInUse) {
    zt::context ctx;
    const std::string endpoint = "ipc://" + tt::unique_abstract_name("twice");
    zt::socket first(ctx, ZMQ_PULL);
    zt::bind(first, endpoint.c_str());
    zt::socket second(ctx, ZMQ_PULL);
    ZT_EXPECT_ERRNO(zmq_bind(second, endpoint.c_str()), EADDRINUSE);
    ZT_EXPECT_ERRNO(zmq_bind(first, endpoint.c_str()), EADDRINUSE);
}

// sun_path holds 108 bytes with the terminating NUL: a 107-character path
// is the longest; longer fails with ENAMETOOLONG for bind and connect alike.
TEST(IpcPaths, PathLengthLimit) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    const std::string longest = path_of_length(107);
    EXPECT_EQ(zmq_bind(s, ("ipc://" + longest).c_str()), 0) << zmq_strerror(zmq_errno());
    unlink(longest.c_str());
    const std::string too_long = "ipc://" + path_of_length(108);
    ZT_EXPECT_ERRNO(zmq_bind(s, too_long.c_str()), ENAMETOOLONG);
    ZT_EXPECT_ERRNO(zmq_connect(s, too_long.c_str()), ENAMETOOLONG);
}

// An abstract name takes the leading NUL's byte too: 106 characters after
// the "@" at most.
TEST(IpcPaths, AbstractNameLengthLimit) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    std::string name = tt::unique_abstract_name("len") + "-";
    name.resize(1 + 106, 'a');
    EXPECT_EQ(zmq_bind(s, ("ipc://" + name).c_str()), 0) << zmq_strerror(zmq_errno());
    ZT_EXPECT_ERRNO(zmq_bind(s, ("ipc://" + name + "a").c_str()), ENAMETOOLONG);
}

// "@" alone names no abstract socket: libzmq refuses it.
TEST(IpcPaths, EmptyAbstractNameIsInvalid) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    ZT_EXPECT_ERRNO(zmq_bind(s, "ipc://@"), EINVAL);
    ZT_EXPECT_ERRNO(zmq_connect(s, "ipc://@"), EINVAL);
}

// Binding in a missing directory fails; a connect to it is accepted (it
// will retry).
TEST(IpcPaths, MissingDirectory) {
    zt::context ctx;
    zt::socket s(ctx, ZMQ_PULL);
    ZT_EXPECT_ERRNO(zmq_bind(s, "ipc:///nonexistent-zmx-directory/socket"), ENOENT);
    EXPECT_EQ(zmq_connect(s, "ipc:///nonexistent-zmx-directory/socket"), 0);
}

// The file of an "ipc://*" bind goes away with the listener: on unbind
// (once CLOSED is reported) and on close (once the monitor stopped).
TEST(IpcPaths, WildcardFileRemovedOnUnbind) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    tt::event_monitor events(ctx, pull, ZMQ_EVENT_CLOSED);
    const std::string endpoint = tt::bind_any(pull, tt::transport::ipc);
    ASSERT_TRUE(tt::is_socket_file(tt::ipc_path(endpoint)));
    ASSERT_EQ(zmq_unbind(pull, endpoint.c_str()), 0);
    ASSERT_TRUE(events.next());
    EXPECT_FALSE(tt::path_exists(tt::ipc_path(endpoint)));
}

TEST(IpcPaths, WildcardFileRemovedOnClose) {
    zt::context ctx;
    zt::socket pull(ctx, ZMQ_PULL);
    tt::event_monitor events(ctx, pull, ZMQ_EVENT_MONITOR_STOPPED);
    const std::string endpoint = tt::bind_any(pull, tt::transport::ipc);
    ASSERT_TRUE(tt::is_socket_file(tt::ipc_path(endpoint)));
    pull.close();
    ASSERT_TRUE(events.next());
    EXPECT_FALSE(tt::path_exists(tt::ipc_path(endpoint)));
}

// libzmq 4.3.4 quirk: a file bound by its own name stays after unbind and
// after close (only "ipc://*" files are removed).
TEST(IpcPaths, NamedFileStaysAfterUnbindAndClose) {
    zt::context ctx;
    const std::string path = tt::unique_ipc_path("stays");
    const std::string endpoint = "ipc://" + path;
    zt::socket pull(ctx, ZMQ_PULL);
    tt::event_monitor events(ctx, pull, ZMQ_EVENT_CLOSED | ZMQ_EVENT_MONITOR_STOPPED);
    zt::bind(pull, endpoint.c_str());
    ASSERT_EQ(zmq_unbind(pull, endpoint.c_str()), 0);
    ASSERT_TRUE(events.next());
    EXPECT_TRUE(tt::is_socket_file(path));

    zt::bind(pull, endpoint.c_str());
    pull.close();
    ASSERT_TRUE(events.wait_for(ZMQ_EVENT_MONITOR_STOPPED));
    EXPECT_TRUE(tt::is_socket_file(path));
    unlink(path.c_str());
}

} // namespace
