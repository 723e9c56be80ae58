//===- USMPUtilsTest.cpp - Tests of usmp dialect helpers ------------------===//

#include "usmp/Dialect/USMP/USMPUtils.h"
#include "usmp/Dialect/USMP/USMPDialect.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/MLIRContext.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"

#include "gtest/gtest.h"

using namespace mlir;

namespace {

class BufferSizeTest : public ::testing::Test {
protected:
  MLIRContext context;
  DataLayout layout;
  Type f32 = Float32Type::get(&context);
};

TEST_F(BufferSizeTest, IdentityLayout) {
  auto type = MemRefType::get({2, 3, 4}, f32);
  EXPECT_EQ(*usmp::getBufferSizeInBytes(type, layout), 96u);
  auto i1 = MemRefType::get({10}, IntegerType::get(&context, 1));
  EXPECT_EQ(*usmp::getBufferSizeInBytes(i1, layout), 10u);
  auto empty = MemRefType::get({0, 7}, f32);
  EXPECT_EQ(*usmp::getBufferSizeInBytes(empty, layout), 0u);
}

TEST_F(BufferSizeTest, StridedLayoutSpansToTheLastElement) {
  // A 2x2 window with row stride 8 and offset 4 reaches element 4 + 8 + 1.
  auto strided = StridedLayoutAttr::get(&context, 4, {8, 1});
  auto type = MemRefType::get({2, 2}, f32, strided);
  EXPECT_EQ(*usmp::getBufferSizeInBytes(type, layout), 14u * 4u);
}

TEST_F(BufferSizeTest, RejectsDynamicAndOverflowingShapes) {
  auto dynamic = MemRefType::get({ShapedType::kDynamic}, f32);
  EXPECT_TRUE(failed(usmp::getBufferSizeInBytes(dynamic, layout)));
  auto huge = MemRefType::get({int64_t(1) << 40, int64_t(1) << 30}, f32);
  EXPECT_TRUE(failed(usmp::getBufferSizeInBytes(huge, layout)));
}

TEST_F(BufferSizeTest, RejectsUnsizedElements) {
  auto type = MemRefType::get({4}, NoneType::get(&context));
  EXPECT_TRUE(failed(usmp::getBufferSizeInBytes(type, layout)));
}

} // namespace

namespace {

TEST(SanitizeIdentifierTest, MapsToCIdentifiers) {
  EXPECT_EQ(usmp::sanitizeIdentifier("serving_default_x:0"),
            "serving_default_x_0");
  EXPECT_EQ(usmp::sanitizeIdentifier("in put-1"), "in_put_1");
  EXPECT_EQ(usmp::sanitizeIdentifier("0abc"), "_0abc");
  EXPECT_EQ(usmp::sanitizeIdentifier(""), "_");
  EXPECT_EQ(usmp::sanitizeIdentifier("already_fine9"), "already_fine9");
}

} // namespace
