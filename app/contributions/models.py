"""Who pays (居民出资): what a project charges its flats, and the payments received.

A charge (出资项) names the decision that sets the amounts; what each flat owes is derived
from it on every read (never stored), so it always explains itself. A payment is one sum
received for one flat and one charge, with its method and its voucher's reference, which
the database keeps unique per estate among the payments that stand. A payment recorded by
mistake is voided (作废), never deleted: it keeps who voided it, when and why, and no longer
counts; its voucher may then be recorded again.
"""
import enum
from datetime import date, datetime

from sqlalchemy import BigInteger, CheckConstraint, Date, Enum, ForeignKey, Index, String, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from app.db import UTCDateTime, utcnow
from app.extensions import db


class ChargeKind(str, enum.Enum):
    elevator = "elevator"  # 加装电梯: each flat's cost share (floor coefficient × area)
    agreed = "agreed"  # an owners' decision: so much per flat, or a total split by area
    fund_use = "fund_use"  # a use of the maintenance fund: paid from the flats' sub-accounts


class Method(str, enum.Enum):
    transfer = "transfer"  # 银行转账
    cash = "cash"  # 现金
    provident_fund = "provident_fund"  # 住房公积金提取
    maintenance_fund = "maintenance_fund"  # 住宅专项维修资金
    wechat = "wechat"  # 微信支付 (recorded by its notify, never by hand)


class Charge(db.Model):
    """One thing a renovation project asks its flats to pay for, and the decision behind it."""

    __tablename__ = "contribution_charges"
    #: one charge per elevator, per decision and per fund use of a project
    __table_args__ = (
        UniqueConstraint("project_id", "elevator_project_id", name="uq_contribution_charges_elevator"),
        UniqueConstraint("project_id", "consultation_id", name="uq_contribution_charges_decision"),
        UniqueConstraint("project_id", "fund_entry_id", name="uq_contribution_charges_fund_entry"),
        CheckConstraint("per_flat_cents IS NULL OR per_flat_cents > 0", name="per_flat_positive"),
        CheckConstraint("total_cents IS NULL OR total_cents > 0", name="total_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    kind: Mapped[ChargeKind] = mapped_column(Enum(ChargeKind, native_enum=False, length=20))
    #: what people call it (e.g. "2号楼1单元加装电梯")
    title: Mapped[str] = mapped_column(String(100))
    #: elevator: the elevator project whose cost shares are owed
    elevator_project_id: Mapped[int | None] = mapped_column(ForeignKey("elevator_projects.id"))
    #: agreed: the owners' decision (a consultation) that set the amounts
    consultation_id: Mapped[int | None] = mapped_column()
    #: agreed: the same amount for each flat the decision covers
    per_flat_cents: Mapped[int | None] = mapped_column(BigInteger)
    #: agreed: a total split over those flats by registered area
    total_cents: Mapped[int | None] = mapped_column(BigInteger)
    #: fund_use: the maintenance fund's use entry (already debited from the sub-accounts)
    fund_entry_id: Mapped[int | None] = mapped_column(ForeignKey("fund_entries.id"))
    created_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<Charge {self.id} project={self.project_id} {self.kind.value} {self.title!r}>"


class Payment(db.Model):
    """One sum received for one flat's part of a charge."""

    __tablename__ = "contribution_payments"
    #: one standing payment per voucher (bank serial, receipt book number, WeChat transaction)
    #: per estate; a voided one no longer holds its voucher
    __table_args__ = (
        Index("uq_contribution_payments_reference", "estate_id", "reference", unique=True,
              postgresql_where=text("voided_at IS NULL"), sqlite_where=text("voided_at IS NULL")),
        CheckConstraint("amount_cents > 0", name="amount_positive"),
        CheckConstraint("(voided_at IS NULL) = (voided_by_id IS NULL)", name="voided_by_whom"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), index=True)
    charge_id: Mapped[int] = mapped_column(ForeignKey("contribution_charges.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"), index=True)
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    method: Mapped[Method] = mapped_column(Enum(Method, native_enum=False, length=20))
    #: the day the money was paid (Beijing date)
    paid_on: Mapped[date] = mapped_column(Date)
    #: the voucher: bank serial, receipt book number, 公积金 approval number, WeChat transaction id
    reference: Mapped[str] = mapped_column(String(64))
    #: who paid, in words (业主本人, 其子女…)
    payer_name: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    #: a decision that allowed more than the flat owed (None: never above what is owed)
    over_decision_id: Mapped[int | None] = mapped_column()
    #: the committee member who recorded it (None: WeChat Pay's notify recorded it)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    #: the person who paid online (WeChat Pay)
    paid_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    #: voided (作废) by a committee member: no longer counted anywhere, shown with its reason
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    void_reason: Mapped[str | None] = mapped_column(String(200))

    def __repr__(self) -> str:
        return f"<Payment {self.id} charge={self.charge_id} flat={self.flat_id} {self.amount_cents}>"


class WechatOrder(db.Model):
    """An order placed with WeChat Pay for one flat's part of a charge, until its notify."""

    __tablename__ = "contribution_wechat_orders"

    id: Mapped[int] = mapped_column(primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    charge_id: Mapped[int] = mapped_column(ForeignKey("contribution_charges.id"), index=True)
    flat_id: Mapped[int] = mapped_column(ForeignKey("flats.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    amount_cents: Mapped[int] = mapped_column(BigInteger)
    #: our order number, sent to WeChat Pay (商户订单号)
    out_trade_no: Mapped[str] = mapped_column(String(32), unique=True)
    #: jsapi (in WeChat) or h5 (another phone browser)
    channel: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    def __repr__(self) -> str:
        return f"<WechatOrder {self.out_trade_no} charge={self.charge_id} flat={self.flat_id}>"


class PayingInstructions(db.Model):
    """How a project's flats pay without the app (收款方式), as the committee writes it for
    the owners: where and when to bring cash, the account to transfer to, whom to call."""

    __tablename__ = "contribution_paying_instructions"

    project_id: Mapped[int] = mapped_column(ForeignKey("renovation_projects.id"), primary_key=True)
    estate_id: Mapped[int] = mapped_column(ForeignKey("estates.id"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    updated_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
