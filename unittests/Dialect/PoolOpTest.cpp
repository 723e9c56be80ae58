//===- PoolOpTest.cpp - Tests of the usmp.pool C++ API --------------------===//

#include "usmp/Dialect/USMP/USMPOps.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Parser/Parser.h"

#include "gtest/gtest.h"

using namespace mlir;
using namespace usmp;

namespace {

class PoolOpTest : public ::testing::Test {
protected:
  PoolOpTest() { context.loadDialect<USMPDialect>(); }

  /// Parses `source` and returns its pool `name`.
  PoolOp parsePool(StringRef source, StringRef name) {
    module = parseSourceString<ModuleOp>(source, &context);
    if (!module)
      return nullptr;
    return module->lookupSymbol<PoolOp>(name);
  }

  MLIRContext context;
  OwningOpRef<ModuleOp> module;
};

TEST_F(PoolOpTest, CapacityIsThePlannedSizeElseTheHint) {
  PoolOp hinted = parsePool("usmp.pool workspace @p size_hint(1000)", "p");
  ASSERT_TRUE(hinted);
  EXPECT_EQ(hinted.getCapacity(), 1000);
  EXPECT_EQ(hinted.getAlignmentAttr().getInt(), PoolOp::kDefaultAlignment);

  PoolOp planned =
      parsePool("usmp.pool workspace @p size_hint(1000) planned_size(96)", "p");
  ASSERT_TRUE(planned);
  EXPECT_EQ(planned.getCapacity(), 96);

  PoolOp unbounded = parsePool("usmp.pool workspace @p", "p");
  ASSERT_TRUE(unbounded);
  EXPECT_EQ(unbounded.getCapacity(), std::nullopt);
}

TEST_F(PoolOpTest, TargetAccess) {
  PoolOp pool =
      parsePool(R"(usmp.pool workspace @p targets("c": rw, "npu": ro))", "p");
  ASSERT_TRUE(pool);
  EXPECT_TRUE(pool.allowsAccess("c", Access::ReadWrite));
  EXPECT_TRUE(pool.allowsAccess("c", Access::ReadOnly));
  EXPECT_TRUE(pool.allowsAccess("npu", Access::ReadOnly));
  EXPECT_FALSE(pool.allowsAccess("npu", Access::ReadWrite));
  EXPECT_FALSE(pool.allowsAccess("dsp", Access::ReadOnly));

  PoolOp open = parsePool("usmp.pool constant @q", "q");
  ASSERT_TRUE(open);
  EXPECT_TRUE(open.allowsAccess("anything", Access::ReadWrite));
}

} // namespace
