using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityOfPractice.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class Community : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "is_approved",
                table: "places",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<Guid>(
                name: "parent_id",
                table: "places",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "proposed_by_id",
                table: "places",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "created_at",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            migrationBuilder.AddColumn<string>(
                name: "description_html",
                table: "organisations",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "description_markdown",
                table: "organisations",
                type: "character varying(10000)",
                maxLength: 10000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_verified",
                table: "organisations",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "organisations",
                type: "character varying(24)",
                maxLength: 24,
                nullable: false,
                defaultValue: "Other");

            migrationBuilder.AddColumn<Guid>(
                name: "proposed_by_id",
                table: "organisations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "approved_at",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_approved",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<bool>(
                name: "listing_is_listed",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "listing_show_bio",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "listing_show_organisation",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "listing_show_places",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The defaults above only fill the rows that exist: the places and organisations from
            // before proposals were approved and verified (kind Other until their admins say more),
            // and every member who joined before joining needed approval is approved, as of joining.
            // Then the defaults go, so the database agrees with the model: the domain sets every value.
            migrationBuilder.Sql("UPDATE members SET approved_at = joined_at;");
            migrationBuilder.Sql("""
                ALTER TABLE places ALTER COLUMN is_approved DROP DEFAULT;
                ALTER TABLE organisations ALTER COLUMN created_at DROP DEFAULT;
                ALTER TABLE organisations ALTER COLUMN is_verified DROP DEFAULT;
                ALTER TABLE organisations ALTER COLUMN kind DROP DEFAULT;
                ALTER TABLE members ALTER COLUMN is_approved DROP DEFAULT;
                """);

            migrationBuilder.CreateTable(
                name: "assessment_statements",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    text = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assessment_statements", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "follows",
                columns: table => new
                {
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    target_kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    target_id = table.Column<Guid>(type: "uuid", nullable: false),
                    followed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_follows", x => new { x.member_id, x.target_kind, x.target_id });
                    table.ForeignKey(
                        name: "fk_follows_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "invitations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    token_hash = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    max_uses = table.Column<int>(type: "integer", nullable: false),
                    uses = table.Column<int>(type: "integer", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invitations", x => x.id);
                    table.CheckConstraint("ck_invitations_uses", "uses >= 0 AND uses <= max_uses");
                    table.ForeignKey(
                        name: "fk_invitations_members_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_invitations_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "join_requests",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: true),
                    proposed_organisation_name = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true),
                    place_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    why = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision_message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_join_requests", x => x.id);
                    table.ForeignKey(
                        name: "fk_join_requests_members_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_join_requests_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_join_requests_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "organisation_memberships",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    member_id = table.Column<Guid>(type: "uuid", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    is_admin = table.Column<bool>(type: "boolean", nullable: false),
                    claimed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    decided_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decided_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_memberships", x => new { x.organisation_id, x.member_id });
                    table.ForeignKey(
                        name: "fk_organisation_memberships_members_decided_by_id",
                        column: x => x.decided_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_organisation_memberships_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_memberships_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "organisation_places",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    places_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_organisation_places", x => new { x.organisation_id, x.places_id });
                    table.ForeignKey(
                        name: "fk_organisation_places_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_organisation_places_places_places_id",
                        column: x => x.places_id,
                        principalTable: "places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "stage_assessments",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    place_id = table.Column<Guid>(type: "uuid", nullable: false),
                    stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    assessed_on = table.Column<DateOnly>(type: "date", nullable: false),
                    summary_markdown = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    summary_html = table.Column<string>(type: "text", nullable: false),
                    visibility = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    funder_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    method = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    suggested_stage = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    agreed_by_ids = table.Column<List<Guid>>(type: "uuid[]", nullable: false),
                    recorded_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    corrects_id = table.Column<Guid>(type: "uuid", nullable: true),
                    answers = table.Column<string>(type: "jsonb", nullable: false),
                    evidence = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stage_assessments", x => x.id);
                    table.ForeignKey(
                        name: "fk_stage_assessments_members_recorded_by_id",
                        column: x => x.recorded_by_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_assessments_organisations_organisation_id",
                        column: x => x.organisation_id,
                        principalTable: "organisations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_assessments_places_place_id",
                        column: x => x.place_id,
                        principalTable: "places",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_stage_assessments_stage_assessments_corrects_id",
                        column: x => x.corrects_id,
                        principalTable: "stage_assessments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_places_parent_id",
                table: "places",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_places_proposed_by_id",
                table: "places",
                column: "proposed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisations_proposed_by_id",
                table: "organisations",
                column: "proposed_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_follows_target_kind_target_id",
                table: "follows",
                columns: new[] { "target_kind", "target_id" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_created_by_id_created_at",
                table: "invitations",
                columns: new[] { "created_by_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_invitations_organisation_id",
                table: "invitations",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_invitations_token_hash",
                table: "invitations",
                column: "token_hash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_join_requests_decided_by_id",
                table: "join_requests",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_join_requests_member_id_created_at",
                table: "join_requests",
                columns: new[] { "member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_join_requests_one_pending_per_member",
                table: "join_requests",
                column: "member_id",
                unique: true,
                filter: "status = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "ix_join_requests_organisation_id",
                table: "join_requests",
                column: "organisation_id");

            migrationBuilder.CreateIndex(
                name: "ix_join_requests_status_created_at",
                table: "join_requests",
                columns: new[] { "status", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_organisation_memberships_decided_by_id",
                table: "organisation_memberships",
                column: "decided_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_memberships_member_id",
                table: "organisation_memberships",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_organisation_places_places_id",
                table: "organisation_places",
                column: "places_id");

            migrationBuilder.CreateIndex(
                name: "ix_stage_assessments_corrects_id",
                table: "stage_assessments",
                column: "corrects_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_stage_assessments_organisation_id_assessed_on",
                table: "stage_assessments",
                columns: new[] { "organisation_id", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_stage_assessments_place_id_assessed_on",
                table: "stage_assessments",
                columns: new[] { "place_id", "assessed_on" });

            migrationBuilder.CreateIndex(
                name: "ix_stage_assessments_recorded_by_id",
                table: "stage_assessments",
                column: "recorded_by_id");

            migrationBuilder.AddForeignKey(
                name: "fk_organisations_members_proposed_by_id",
                table: "organisations",
                column: "proposed_by_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_places_members_proposed_by_id",
                table: "places",
                column: "proposed_by_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);

            migrationBuilder.AddForeignKey(
                name: "fk_places_places_parent_id",
                table: "places",
                column: "parent_id",
                principalTable: "places",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);

            // The stage history is append-only (a correction is a new row): the database refuses
            // an UPDATE as a last wall behind the domain, which has no way to change an assessment.
            migrationBuilder.Sql("""
                CREATE FUNCTION stage_assessments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'stage_assessments is append-only: record a correction instead of changing %', OLD.id;
                END;
                $$;
                CREATE TRIGGER stage_assessments_append_only BEFORE UPDATE ON stage_assessments
                    FOR EACH ROW EXECUTE FUNCTION stage_assessments_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_organisations_members_proposed_by_id",
                table: "organisations");

            migrationBuilder.DropForeignKey(
                name: "fk_places_members_proposed_by_id",
                table: "places");

            migrationBuilder.DropForeignKey(
                name: "fk_places_places_parent_id",
                table: "places");

            migrationBuilder.DropTable(
                name: "assessment_statements");

            migrationBuilder.DropTable(
                name: "follows");

            migrationBuilder.DropTable(
                name: "invitations");

            migrationBuilder.DropTable(
                name: "join_requests");

            migrationBuilder.DropTable(
                name: "organisation_memberships");

            migrationBuilder.DropTable(
                name: "organisation_places");

            migrationBuilder.DropTable(
                name: "stage_assessments");

            migrationBuilder.Sql("DROP FUNCTION stage_assessments_append_only();");

            migrationBuilder.DropIndex(
                name: "ix_places_parent_id",
                table: "places");

            migrationBuilder.DropIndex(
                name: "ix_places_proposed_by_id",
                table: "places");

            migrationBuilder.DropIndex(
                name: "ix_organisations_proposed_by_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "is_approved",
                table: "places");

            migrationBuilder.DropColumn(
                name: "parent_id",
                table: "places");

            migrationBuilder.DropColumn(
                name: "proposed_by_id",
                table: "places");

            migrationBuilder.DropColumn(
                name: "created_at",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "description_html",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "description_markdown",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "is_verified",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "kind",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "proposed_by_id",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "approved_at",
                table: "members");

            migrationBuilder.DropColumn(
                name: "is_approved",
                table: "members");

            migrationBuilder.DropColumn(
                name: "listing_is_listed",
                table: "members");

            migrationBuilder.DropColumn(
                name: "listing_show_bio",
                table: "members");

            migrationBuilder.DropColumn(
                name: "listing_show_organisation",
                table: "members");

            migrationBuilder.DropColumn(
                name: "listing_show_places",
                table: "members");
        }
    }
}
