// The site's own name in a host (site_name_of_host): what source:NAME finds besides the
// host itself.
#include <gtest/gtest.h>

#include "newsdex/article.h"

namespace newsdex {
namespace {

TEST(SiteName, IsTheNameBeforeThePublicSuffix) {
  EXPECT_EQ(site_name_of_host("reuters.com"), "reuters");
  EXPECT_EQ(site_name_of_host("uk.reuters.com"), "reuters");
  EXPECT_EQ(site_name_of_host("bbc.co.uk"), "bbc");
  EXPECT_EQ(site_name_of_host("news.bbc.co.uk"), "bbc");
  EXPECT_EQ(site_name_of_host("abc.net.au"), "abc");
  EXPECT_EQ(site_name_of_host("lemonde.fr"), "lemonde");
}

TEST(SiteName, NoneForWhatIsNoHost) {
  EXPECT_EQ(site_name_of_host("coastwire"), "");
  EXPECT_EQ(site_name_of_host("Northern Ledger"), "");
  EXPECT_EQ(site_name_of_host("10.0.0.1"), "");
  EXPECT_EQ(site_name_of_host("co.uk"), "");
}

}  // namespace
}  // namespace newsdex
