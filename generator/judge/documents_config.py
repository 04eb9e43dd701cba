"""The campaign config's ``documents:`` section: everything that varies in the staff documents
(``thidua documents``): the issuing body, number patterns, legal bases, signers, amounts,
recipients ("Nơi nhận"), the certificate's field positions in millimetres, and which internal
columns each document may show.

The layout itself (paper, margins, fonts, sizes) is fixed by Nghị định 30/2020/NĐ-CP, Phụ lục
I, and lives in :mod:`generator.documents`. Every field carries a description; docs/config.md
documents each one (a test checks that).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Issuer(_Strict):
    parent: str = Field(
        description="The issuing body's parent (cơ quan chủ quản), upper case, e.g. "
        "'UBND THÀNH PHỐ CẦN THƠ'; printed upright above the issuing body."
    )
    body: str = Field(
        description="The issuing body (cơ quan ban hành), upper case, e.g. 'VĂN PHÒNG'; "
        "printed bold with a short rule below."
    )
    place: str = Field(description="Place name of the date line (địa danh), e.g. 'Cần Thơ'.")


class Signer(_Strict):
    authority: str = Field(
        "",
        description="The signing authority line, upper case, e.g. 'KT. CHÁNH VĂN PHÒNG' when "
        "a deputy signs for the head; empty when the head signs.",
    )
    title: str = Field(description="The signer's title, upper case, e.g. 'PHÓ CHÁNH VĂN PHÒNG'.")
    name: str = Field(description="The signer's full name, printed bold under the signature space.")


class ShownColumn(_Strict):
    column: str = Field(
        description="Key of a column of the nominees sheet (an internal one, e.g. "
        "'birth_date') that this document may show for each individual."
    )
    header: str = Field(description="The column's header in the document, e.g. 'Năm sinh'.")
    format: Literal["text", "year"] = Field(
        "text", description="'year': a date shown as its year only; 'text': the value as written."
    )


class CouncilList(_Strict):
    title: str = Field(
        description="Title of the Council's summary list (upper case), e.g. 'DANH SÁCH TRÍCH "
        "NGANG ĐỀ NGHỊ KHEN THƯỞNG'."
    )
    individual_columns: list[ShownColumn] = Field(
        default_factory=list,
        description="Internal columns the list may show for individuals, after the name. "
        "Nothing else internal ever appears.",
    )


class Amounts(_Strict):
    collective: int = Field(ge=0, description="Reward for a collective, in đồng.")
    individual: int = Field(ge=0, description="Reward for an individual, in đồng.")
    funding: str = Field(description="Where the money comes from (one sentence, Vietnamese).")


def _number_pattern(value: str) -> str:
    if "…" not in value:
        raise ValueError("the number pattern needs '…' where the number goes, e.g. '…/QĐ-VPUB'")
    return value


class Decision(_Strict):
    award: str = Field(description="Id of the award (in `awards`) the decision grants.")
    number: str = Field(
        description="Number pattern with '…' for the number, e.g. '…/QĐ-VPUB'; used while "
        "the Council's file gives no single decision number for the awarded."
    )
    authority: str = Field(
        description="Who decides (thẩm quyền ban hành), upper case, e.g. 'CHÁNH VĂN PHÒNG ỦY "
        "BAN NHÂN DÂN THÀNH PHỐ CẦN THƠ'."
    )
    subject: str = Field(
        description="The subject line (trích yếu) after 'Về việc', e.g. 'tặng Giấy khen cho "
        "tập thể, cá nhân có thành tích xuất sắc trong phong trào thi đua …'."
    )
    legal_bases: list[str] = Field(
        description="The 'Căn cứ' lines without 'Căn cứ' and end punctuation; the campaign's "
        "plan (campaign.document) and the Council's minutes are added after them."
    )
    proposer: str = Field(
        description="Who proposes, after 'Theo đề nghị của', e.g. 'Trưởng phòng Hành chính – "
        "Tổ chức'."
    )
    achievement: str = Field(
        description="The achievement sentence of Điều 1, e.g. 'đã có thành tích xuất sắc trong "
        "phong trào thi đua …'."
    )
    amounts: Amounts = Field(description="The rewards of Điều 2 and their funding.")
    executors: str = Field(
        description="Who carries out the decision (Điều 3), before 'và các tập thể, cá nhân "
        "có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này'."
    )
    recipients: list[str] = Field(
        description="'Nơi nhận' lines without the leading '- ' and end punctuation; the last "
        "is usually 'Lưu: VT, HCTC'."
    )
    signer: Signer = Field(description="Who signs the decision.")
    individual_columns: list[ShownColumn] = Field(
        default_factory=list, description="Internal columns the appendix list may show."
    )

    @model_validator(mode="after")
    def _pattern(self) -> Decision:
        _number_pattern(self.number)
        return self


class Proposal(_Strict):
    award: str = Field(description="Id of the award (in `awards`) the Tờ trình proposes.")
    number: str = Field(description="Number pattern with '…' for the number, e.g. '…/TTr-VPUB'.")
    addressee: str = Field(
        description="After 'Kính gửi:', e.g. 'Chủ tịch Ủy ban nhân dân thành phố Cần Thơ'."
    )
    subject: str = Field(
        description="The subject line after 'Về việc', e.g. 'đề nghị tặng Bằng khen của Chủ "
        "tịch UBND thành phố'."
    )
    legal_bases: list[str] = Field(
        description="The 'Căn cứ' lines without 'Căn cứ' and end punctuation; the campaign's "
        "plan and the Council's minutes are added after them."
    )
    achievement: str = Field(
        description="The achievement sentence, e.g. 'đã có thành tích xuất sắc trong phong "
        "trào thi đua …'."
    )
    request: str = Field(
        description="Who is asked to decide, after 'Kính trình', e.g. 'Chủ tịch Ủy ban nhân "
        "dân thành phố xem xét, quyết định'."
    )
    recipients: list[str] = Field(description="'Nơi nhận' lines, as for the decision.")
    signer: Signer = Field(description="Who signs the Tờ trình.")
    individual_columns: list[ShownColumn] = Field(
        default_factory=list, description="Internal columns the attached list may show."
    )

    @model_validator(mode="after")
    def _pattern(self) -> Proposal:
        _number_pattern(self.number)
        return self


class FieldBox(_Strict):
    x: float = Field(ge=0, description="Left edge of the box, mm from the sheet's left edge.")
    y: float = Field(ge=0, description="Top edge of the box, mm from the sheet's top edge.")
    width: float = Field(gt=0, description="Width of the box, mm.")
    height: float = Field(gt=0, description="Height of the box, mm.")
    size: float = Field(gt=0, le=72, description="Largest font size, pt; shrunk to fit the box.")
    align: Literal["left", "center", "right"] = Field("center", description="Alignment in the box.")
    bold: bool = Field(False, description="Bold text.")
    lines: int = Field(1, ge=1, le=4, description="How many lines the text may wrap onto.")


class CertificateFields(_Strict):
    name: FieldBox = Field(description="The honoured person's or collective's name.")
    position_unit: FieldBox = Field(
        description="Position and unit (a person) or the office (a collective)."
    )
    achievement: FieldBox = Field(description="The achievement line.")
    decision: FieldBox = Field(description="'Số quyết định …, ngày …'.")
    place_date: FieldBox = Field(
        description="Place and date, e.g. 'Cần Thơ, ngày 27 tháng 12 năm 2019'."
    )


class Certificates(_Strict):
    award: str = Field(description="Id of the award printed (the decision's award).")
    width: float = Field(420, gt=0, description="Sheet width, mm (the pre-printed blank).")
    height: float = Field(297, gt=0, description="Sheet height, mm.")
    achievement: str = Field(description="The achievement line printed on every certificate.")
    min_size: float = Field(
        9, gt=0, description="Smallest font size, pt: text that fits no box at it is an error."
    )
    fields: CertificateFields = Field(description="Where each variable field is printed.")

    @model_validator(mode="after")
    def _boxes_on_the_sheet(self) -> Certificates:
        for name, box in self.fields:
            if box.x + box.width > self.width or box.y + box.height > self.height:
                raise ValueError(
                    f"the box of '{name}' runs off the {self.width}×{self.height} mm sheet"
                )
        return self


class Documents(_Strict):
    issuer: Issuer = Field(description="The issuing body of the decision and the Tờ trình.")
    council_list: CouncilList = Field(description="The Council's summary list (.xlsx).")
    decision: Decision = Field(description="The draft decision with its appendix list (.docx).")
    proposal: Proposal = Field(description="The draft Tờ trình proposing the higher award (.docx).")
    certificates: Certificates = Field(description="The certificates to overprint (.pdf).")
