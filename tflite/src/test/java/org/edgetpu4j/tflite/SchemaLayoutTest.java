package org.edgetpu4j.tflite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaLayoutTest {
  private final SchemaLayout schema = SchemaLayout.tflite();

  @Test
  void rootAndIdentifierAreTflites() {
    assertThat(schema.rootType()).isEqualTo("Model");
    assertThat(schema.fileIdentifier()).isEqualTo("TFL3");
  }

  @Test
  void slotCountsMatchTheFormat() {
    // The number of vtable slots per table is fixed by the format (unions take two).
    assertThat(schema.table("Model").slotCount()).isEqualTo(8);
    assertThat(schema.table("SubGraph").slotCount()).isEqualTo(5);
    assertThat(schema.table("Tensor").slotCount()).isEqualTo(10);
    assertThat(schema.table("Operator").slotCount()).isEqualTo(13);
    assertThat(schema.table("QuantizationParameters").slotCount()).isEqualTo(7);
    assertThat(schema.table("Buffer").slotCount()).isEqualTo(3);
    assertThat(schema.table("OperatorCode").field("builtin_code").orElseThrow().slot())
        .isEqualTo(3);
  }

  @Test
  void builtinOpEnumIsTheSchemasBuiltinOperatorEnum() {
    Map<Long, String> names = schema.enumType("BuiltinOperator").orElseThrow().names();
    assertThat(BuiltinOp.values()).hasSize(names.size());
    for (BuiltinOp op : BuiltinOp.values()) {
      assertThat(names.get((long) op.code())).isEqualTo(op.name());
      assertThat(BuiltinOp.fromCode(op.code())).contains(op);
    }
    assertThat(BuiltinOp.fromCode(BuiltinOp.maxCode() + 1)).isEmpty();
    assertThat(BuiltinOp.fromCode(-1)).isEmpty();
  }

  @Test
  void tensorTypeEnumIsTheSchemasTensorTypeEnum() {
    Map<Long, String> names = schema.enumType("TensorType").orElseThrow().names();
    assertThat(TensorType.values()).hasSize(names.size());
    for (TensorType t : TensorType.values()) {
      assertThat(names.get((long) t.code())).isEqualTo(t.name());
    }
  }

  @Test
  void everyOptionsTableExistsAndHasOnlyFieldsTheCodecHandles() {
    int tables = 0;
    for (String union : new String[] {"BuiltinOptions", "BuiltinOptions2"}) {
      for (String member : schema.union(union).members()) {
        SchemaLayout.Table table = schema.table(member);
        for (SchemaLayout.Field f : table.fields()) {
          assertThat(f.kind())
              .as(member + "." + f.name())
              .isIn(
                  SchemaLayout.Kind.SCALAR,
                  SchemaLayout.Kind.STRING,
                  SchemaLayout.Kind.VECTOR_SCALAR);
        }
        // every options table accepts an empty field map and fills in its defaults
        assertThat(new BuiltinOptions(member, Map.of()).values())
            .hasSize((int) table.fields().stream().filter(f -> !f.deprecated()).count());
        tables++;
      }
    }
    assertThat(tables).isEqualTo(126 + 21);
  }

  @Test
  void defaultsComeFromTheSchema() {
    SchemaLayout.Table conv = schema.table("Conv2DOptions");
    assertThat(conv.field("dilation_w_factor").orElseThrow().defaultValue()).isEqualTo(1);
    assertThat(schema.table("AddOptions").field("pot_scale_int16").orElseThrow().defaultValue())
        .isEqualTo(1);
    assertThat(schema.table("UniqueOptions").field("idx_out_type").orElseThrow().defaultValue())
        .isEqualTo(TensorType.INT32.code());
  }

  @Test
  void parserRejectsUnknownTypes() {
    assertThatThrownBy(() -> SchemaLayout.parse("table T { x:Nope; } root_type T;"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown type Nope");
  }
}
