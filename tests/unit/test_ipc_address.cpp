// ipc address forms, with the errors Debian's libzmq 4.3.4 gives for them
// (checked through pyzmq): an empty path is EINVAL, a path longer than
// sun_path can hold is ENAMETOOLONG.
#include "transport/ipc_address.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace {

using zmx::socket_address;

int resolve_errno(const std::string& path) {
    socket_address a;
    errno = 0;
    return zmx::resolve_ipc_address(path, a) == 0 ? 0 : errno;
}

std::string round_trip(const std::string& path) {
    socket_address a;
    EXPECT_EQ(zmx::resolve_ipc_address(path, a), 0) << path;
    return zmx::endpoint_of(a);
}

TEST(IpcAddress, PathsAndAbstractNamesRoundTrip) {
    EXPECT_EQ(round_trip("/tmp/feed.sock"), "ipc:///tmp/feed.sock");
    EXPECT_EQ(round_trip("relative.sock"), "ipc://relative.sock");
    EXPECT_EQ(round_trip("@feed"), "ipc://@feed");
}

TEST(IpcAddress, OnlyFilesystemPathsHaveAFile) {
    socket_address a;
    ASSERT_EQ(zmx::resolve_ipc_address("/tmp/feed.sock", a), 0);
    EXPECT_EQ(zmx::ipc_file_of(a), "/tmp/feed.sock");
    ASSERT_EQ(zmx::resolve_ipc_address("@feed", a), 0);
    EXPECT_EQ(zmx::ipc_file_of(a), "");
}

TEST(IpcAddress, BadPathsAreRefused) {
    EXPECT_EQ(resolve_errno(""), EINVAL);
    EXPECT_EQ(resolve_errno("*"), EINVAL);  // only bind expands the wildcard
    EXPECT_EQ(resolve_errno("/tmp/" + std::string(102, 'x')), 0);  // 107 bytes fit
    EXPECT_EQ(resolve_errno("/tmp/" + std::string(103, 'x')), ENAMETOOLONG);
}

TEST(IpcAddress, WildcardMakesAPrivateDirectory) {
    socket_address a;
    std::string directory;
    ASSERT_EQ(zmx::make_wildcard_ipc_address(a, directory), 0);
    struct stat info {};
    ASSERT_EQ(::stat(directory.c_str(), &info), 0);
    EXPECT_TRUE(S_ISDIR(info.st_mode));
    EXPECT_EQ((info.st_mode & 0777), 0700u);
    EXPECT_EQ(zmx::ipc_file_of(a), directory + "/socket");
    EXPECT_EQ(::rmdir(directory.c_str()), 0);
}

}  // namespace
