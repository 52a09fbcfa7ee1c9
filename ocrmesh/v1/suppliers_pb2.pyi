from ocrmesh.v1 import ocr_pb2 as _ocr_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class LearnSupplierRequest(_message.Message):
    __slots__ = ("pages", "fields", "supplier_id")
    PAGES_FIELD_NUMBER: _ClassVar[int]
    FIELDS_FIELD_NUMBER: _ClassVar[int]
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    pages: _containers.RepeatedCompositeFieldContainer[_ocr_pb2.PageResult]
    fields: _ocr_pb2.InvoiceFields
    supplier_id: str
    def __init__(self, pages: _Optional[_Iterable[_Union[_ocr_pb2.PageResult, _Mapping]]] = ..., fields: _Optional[_Union[_ocr_pb2.InvoiceFields, _Mapping]] = ..., supplier_id: _Optional[str] = ...) -> None: ...

class LearnSupplierResponse(_message.Message):
    __slots__ = ("supplier_id", "name", "learned_fields")
    SUPPLIER_ID_FIELD_NUMBER: _ClassVar[int]
    NAME_FIELD_NUMBER: _ClassVar[int]
    LEARNED_FIELDS_FIELD_NUMBER: _ClassVar[int]
    supplier_id: str
    name: str
    learned_fields: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, supplier_id: _Optional[str] = ..., name: _Optional[str] = ..., learned_fields: _Optional[_Iterable[str]] = ...) -> None: ...
