from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Self, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.readiness_response_dependencies_catalog import (
        ReadinessResponseDependenciesCatalog,
    )
    from ..models.readiness_response_dependencies_postgres import (
        ReadinessResponseDependenciesPostgres,
    )
    from ..models.readiness_response_dependencies_ray import (
        ReadinessResponseDependenciesRay,
    )
    from ..models.readiness_response_dependencies_s3 import (
        ReadinessResponseDependenciesS3,
    )
    from ..models.readiness_response_dependencies_temporal import (
        ReadinessResponseDependenciesTemporal,
    )


T = TypeVar("T", bound="ReadinessResponseDependencies")


@_attrs_define
class ReadinessResponseDependencies:
    """
    Attributes:
        postgres (ReadinessResponseDependenciesPostgres):
        temporal (ReadinessResponseDependenciesTemporal):
        s3 (ReadinessResponseDependenciesS3):
        catalog (ReadinessResponseDependenciesCatalog):
        ray (ReadinessResponseDependenciesRay):
    """

    postgres: ReadinessResponseDependenciesPostgres
    temporal: ReadinessResponseDependenciesTemporal
    s3: ReadinessResponseDependenciesS3
    catalog: ReadinessResponseDependenciesCatalog
    ray: ReadinessResponseDependenciesRay
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        postgres = self.postgres.to_dict()

        temporal = self.temporal.to_dict()

        s3 = self.s3.to_dict()

        catalog = self.catalog.to_dict()

        ray = self.ray.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "postgres": postgres,
                "temporal": temporal,
                "s3": s3,
                "catalog": catalog,
                "ray": ray,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> Self:
        from ..models.readiness_response_dependencies_catalog import (
            ReadinessResponseDependenciesCatalog,
        )
        from ..models.readiness_response_dependencies_postgres import (
            ReadinessResponseDependenciesPostgres,
        )
        from ..models.readiness_response_dependencies_ray import (
            ReadinessResponseDependenciesRay,
        )
        from ..models.readiness_response_dependencies_s3 import (
            ReadinessResponseDependenciesS3,
        )
        from ..models.readiness_response_dependencies_temporal import (
            ReadinessResponseDependenciesTemporal,
        )

        d = dict(src_dict)
        postgres = ReadinessResponseDependenciesPostgres.from_dict(d.pop("postgres"))

        temporal = ReadinessResponseDependenciesTemporal.from_dict(d.pop("temporal"))

        s3 = ReadinessResponseDependenciesS3.from_dict(d.pop("s3"))

        catalog = ReadinessResponseDependenciesCatalog.from_dict(d.pop("catalog"))

        ray = ReadinessResponseDependenciesRay.from_dict(d.pop("ray"))

        readiness_response_dependencies = cls(
            postgres=postgres,
            temporal=temporal,
            s3=s3,
            catalog=catalog,
            ray=ray,
        )

        readiness_response_dependencies.additional_properties = d
        return readiness_response_dependencies

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
