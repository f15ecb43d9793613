using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommunityOfPractice.Api.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventHostOrganisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "host_organisation_id",
                table: "events",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_events_host_organisation_id_starts_at",
                table: "events",
                columns: new[] { "host_organisation_id", "starts_at" });

            migrationBuilder.AddForeignKey(
                name: "fk_events_organisations_host_organisation_id",
                table: "events",
                column: "host_organisation_id",
                principalTable: "organisations",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_events_organisations_host_organisation_id",
                table: "events");

            migrationBuilder.DropIndex(
                name: "ix_events_host_organisation_id_starts_at",
                table: "events");

            migrationBuilder.DropColumn(
                name: "host_organisation_id",
                table: "events");
        }
    }
}
