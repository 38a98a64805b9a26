from enum import StrEnum


class TemplateColumnDataType(StrEnum):
    BOOLEAN = "Boolean"
    DATE = "Date"
    DATETIME = "DateTime"
    FLOAT = "Float"
    INTEGER = "Integer"
    STRING = "String"

    def __str__(self) -> str:
        return str(self.value)
